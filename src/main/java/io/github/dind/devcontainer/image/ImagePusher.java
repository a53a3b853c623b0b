package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryAuthException;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import io.github.dind.devcontainer.image.registry.RegistryErrors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.docker.DockerCallException;
import io.github.dind.devcontainer.docker.DockerConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes the tags {@code build} made through the daemon's push API, with the login
 * {@link CredentialLookup} finds, each layer's outcome in the log and a summary per tag.
 */
public final class ImagePusher {
    /** The daemon's last status line: {@code <tag>: digest: sha256:... size: N} (moby distribution/push_v2.go). */
    private static final Pattern SUMMARY = Pattern.compile(".*digest: (sha256:[0-9a-f]{64}) size: (\\d+).*");

    /** One pushed tag. */
    public record Pushed(String reference, String digest, long imageBytes, Duration took) {
    }

    private final DockerClient docker;
    private final String host;
    private final Console console;
    private final CredentialLookup credentials;

    public ImagePusher(DockerConnection connection, Console console, CredentialLookup credentials) {
        this.docker = connection.client();
        this.host = connection.where();
        this.console = console;
        this.credentials = credentials;
    }

    /**
     * Pushes every tag of {@code image}, the first one first.
     *
     * @param timeout how long each tag's push may take
     * @throws PushException the image is not built, or the registry refused, could not be reached or
     *     needs to be trusted as insecure; the message says which
     * @throws RegistryAuthException the login could not be read
     * @throws DockerCallException the daemon failed a call outside those cases
     */
    public List<Pushed> push(ImageName image, Duration timeout) throws PushException, RegistryAuthException, DockerCallException {
        String registry = CredentialLookup.registryOf(image.repository());
        Optional<RegistryCredentials> login = credentials.find(registry);
        console.info(login.map(c -> "Pushing to " + registry + " as " + (c.username() == null ? "an identity token" : c.username())
                + " (from " + c.source() + ")").orElse("Pushing to " + registry + " without a login (none found in"
                + " settings.xml servers or the docker CLI's config)"));
        InspectImageResponse local;
        try {
            local = docker.inspectImageCmd(image.primary()).exec();
        } catch (NotFoundException e) {
            throw new PushException("The image " + image.primary() + " is not on the Docker daemon: run devcontainer:build"
                    + " first (or bind it before push), with the same " + io.github.dind.devcontainer.Setting.ref("imageName")
                    + " and " + io.github.dind.devcontainer.Setting.ref("tags") + ".", e);
        } catch (RuntimeException e) {
            throw new DockerCallException("inspect " + image.primary(), host, e);
        }
        List<Pushed> pushed = new ArrayList<>();
        for (String tag : image.tags()) {
            pushed.add(pushTag(image.repository(), tag, registry, login.orElse(null), local, timeout));
        }
        return pushed;
    }

    private Pushed pushTag(String repository, String tag, String registry, RegistryCredentials login,
            InspectImageResponse local, Duration timeout) throws PushException {
        String reference = repository + ":" + tag;
        String action = "Pushing " + reference;
        long start = System.nanoTime();
        Progress progress = new Progress(console);
        try {
            var command = docker.pushImageCmd(repository).withTag(tag);
            command.withAuthConfig(authConfig(registry, login));
            command.exec(progress);
            if (!progress.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.close();
                throw new PushException(action + " did not finish within " + timeout.toSeconds() + " s. Raise "
                        + io.github.dind.devcontainer.Setting.ref("timeout") + " (seconds) if the upload is just slow.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException("Interrupted while " + action.toLowerCase(java.util.Locale.ROOT), e);
        } catch (IOException e) {
            throw new PushException(action + " failed: " + Errors.rootMessage(e), e);
        } catch (RuntimeException e) {
            if (progress.error == null) {
                throw new PushException(RegistryErrors.explain(action, registry, Errors.rootMessage(e), login), e);
            }
        }
        if (progress.error != null) {
            throw new PushException(RegistryErrors.explain(action, registry, progress.error, login), null);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long size = local.getSize() == null ? -1 : local.getSize();
        Pushed result = new Pushed(reference, progress.digest, size, took);
        console.info(String.format(java.util.Locale.ROOT, "Pushed %s: %s, %d layers (%d uploaded, %d already there), %s, in %.1f s",
                reference, progress.digest == null ? "digest unknown" : progress.digest, progress.layers.size(),
                progress.count("Pushed"), progress.count("Layer already exists") + progress.countPrefix("Mounted from"),
                size < 0 ? "size unknown" : String.format(java.util.Locale.ROOT, "%.0f MB", size / 1_000_000.0),
                took.toMillis() / 1000.0));
        return result;
    }

    /** The login for the daemon; an empty one (no header content) when there is none, so docker-java adds none of its own. */
    static AuthConfig authConfig(String registry, RegistryCredentials login) {
        AuthConfig auth = new AuthConfig().withRegistryAddress(
                registry.equals("docker.io") ? CredentialLookup.DOCKER_HUB_KEY : registry);
        if (login != null) {
            if (login.identityToken() != null) {
                auth.withIdentityToken(login.identityToken());
            } else {
                auth.withUsername(login.username()).withPassword(login.password());
            }
        }
        return auth;
    }

    /** Logs each layer once it is done (pushed, already there, mounted), and keeps the digest and the error. */
    static final class Progress extends ResultCallback.Adapter<PushResponseItem> {
        private final Console console;
        final Map<String, String> layers = new LinkedHashMap<>();
        volatile String digest;
        volatile String error;

        Progress(Console console) {
            this.console = console;
        }

        @Override
        public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                return;
            }
            String status = item.getStatus();
            if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest = item.getAux().getDigest();
            }
            if (status == null) {
                return;
            }
            Matcher summary = SUMMARY.matcher(status);
            if (summary.matches()) {
                digest = summary.group(1);
                return;
            }
            String id = item.getId();
            if (id == null || !id.matches("[0-9a-f]{12}")) {
                console.debug("  " + status);
                return;
            }
            String before = layers.put(id, status);
            boolean done = status.equals("Pushed") || status.equals("Layer already exists") || status.startsWith("Mounted from");
            if (done && !status.equals(before)) {
                console.info("  " + id + ": " + status);
            } else if (before == null) {
                console.debug("  " + id + ": " + status);
            }
        }

        long count(String status) {
            return layers.values().stream().filter(status::equals).count();
        }

        long countPrefix(String prefix) {
            return layers.values().stream().filter(s -> s.startsWith(prefix)).count();
        }
    }
}
