package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryAuthException;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Puts the images a build starts from on the daemon: its base images (the FROM lines) and the
 * cacheFrom images, pulled with the registry's login when the pull policy allows, and the logins
 * the daemon needs when it pulls them itself. A pull that is slow is reported as slow, one that is
 * impossible with what to do offline.
 */
final class BaseImagePuller {
    private final DockerClient docker;
    private final Console console;
    private final CredentialLookup credentials;

    BaseImagePuller(DockerClient docker, Console console, CredentialLookup credentials) {
        this.docker = docker;
        this.console = console;
        this.credentials = credentials;
    }

    /**
     * The cacheFrom images that are on the daemon, pulled first when missing and the policy allows.
     * The classic builder only reuses layers of local images, so a missing one is pulled; one that
     * cannot be pulled (the first build, nothing pushed yet) is left out with a warning.
     */
    List<String> ensureCacheImages(BuildRequest request) throws RegistryAuthException {
        List<String> usable = new ArrayList<>();
        for (String image : request.cacheFrom()) {
            if (request.pull() != PullPolicy.ALWAYS && inspect(image).isPresent()) {
                usable.add(image);
                continue;
            }
            if (request.pull() == PullPolicy.NEVER) {
                console.warn("The cacheFrom image " + image + " is not on the Docker daemon and pull=never (or Maven"
                        + " runs offline): building without its layers");
                continue;
            }
            try {
                pull(image, request.timeout());
                usable.add(image);
            } catch (BaseImageUnavailableException e) {
                console.warn("Cannot pull the cacheFrom image " + image + " (" + Errors.rootMessage(e) + "): building"
                        + " without its layers");
            }
        }
        if (!usable.isEmpty()) {
            console.info("Reusing layers of " + String.join(", ", usable) + " where the steps match");
        }
        return usable;
    }

    /** The logins for the registries of these images, for a build that pulls them itself. */
    AuthConfigurations logins(List<String> images) throws RegistryAuthException {
        AuthConfigurations configs = new AuthConfigurations();
        for (String image : images) {
            String registry = CredentialLookup.registryOf(ImageReference.parse(image).repository());
            Optional<RegistryCredentials> login = credentials.find(registry);
            if (login.isPresent()) {
                configs.addConfig(ImagePusher.authConfig(registry, login.get()));
            }
        }
        return configs;
    }

    /**
     * Makes sure every base image of the Dockerfile is on the daemon, pulling what is missing when
     * the policy allows (with {@link PullPolicy#ALWAYS} the daemon pulls them itself during the build).
     *
     * @throws BaseImageUnavailableException naming the image, why it is not there, and what to do offline
     * @throws RegistryAuthException when a login for its registry could not be read
     */
    void ensureBaseImages(String dockerfile, BuildRequest request)
            throws BaseImageUnavailableException, RegistryAuthException {
        if (request.pull() == PullPolicy.ALWAYS) {
            return; // the daemon pulls every base image itself (pull=true)
        }
        for (String base : BaseImages.of(dockerfile, request.buildArgs(), request.target())) {
            if (inspect(base).isPresent()) {
                continue;
            }
            if (request.pull() == PullPolicy.NEVER) {
                throw new BaseImageUnavailableException("The base image " + base + " is not on the Docker daemon,"
                        + " and pull=never (or Maven runs offline) forbids pulling it. Put it there first (docker pull "
                        + base + ", or docker load from a saved copy), or allow pulling with " + Setting.assign("pull", "missing") + ".",
                        null);
            }
            pull(base, request.timeout());
        }
    }

    private void pull(String base, Duration timeout) throws BaseImageUnavailableException, RegistryAuthException {
        ImageReference reference = ImageReference.parse(base);
        String registry = CredentialLookup.registryOf(reference.repository());
        Optional<RegistryCredentials> login = credentials.find(registry);
        console.info("Pulling " + base + login.map(c -> " (login from " + c.source() + ")").orElse(""));
        var command = docker.pullImageCmd(reference.repository()).withTag(reference.digest().orElse(reference.tag()));
        if (login.isPresent()) {
            command.withAuthConfig(ImagePusher.authConfig(registry, login.get()));
        }
        try (PullImageResultCallback callback = command.exec(new PullImageResultCallback())) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw slowPull(base, "did not finish within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BaseImageUnavailableException("Interrupted while pulling " + base, e);
        } catch (IOException | RuntimeException e) {
            if (Errors.timedOut(e)) {
                throw slowPull(base, "stalled: the daemon sent no progress for too long (" + Errors.rootMessage(e) + ")", e);
            }
            if (reference.digest().isPresent() && (e instanceof NotFoundException || manifestUnknown(Errors.rootMessage(e)))) {
                throw stalePin(reference, registry, Errors.rootMessage(e), e);
            }
            throw new BaseImageUnavailableException("The base image " + base + " is not on the Docker daemon and"
                    + " cannot be pulled: " + Errors.rootMessage(e) + ". If no registry is reachable (offline,"
                    + " air-gapped), put the image on the daemon yourself (docker load, or a local build tagged "
                    + base + ") and set " + Setting.assign("pull", "never") + ", or generate from a base image you have.", e);
        }
    }

    /**
     * Whether the daemon's message says the registry has no such manifest: the distribution spec's error
     * code {@code MANIFEST_UNKNOWN}, which moby reports as "manifest for NAME not found: manifest unknown".
     */
    static boolean manifestUnknown(String message) {
        String lower = String.valueOf(message).toLowerCase(java.util.Locale.ROOT);
        return lower.contains("manifest unknown") || lower.contains("not found");
    }

    /**
     * A pinned base image whose digest the registry no longer has (deleted, or pruned from the tag's
     * history): names the image and the digest, and how to move the pin.
     */
    static BaseImageUnavailableException stalePin(ImageReference reference, String registry, String detail, Throwable cause) {
        String tagged = reference.tagged();
        return new BaseImageUnavailableException("The base image " + reference + " is pinned to the digest "
                + reference.digest().orElseThrow() + ", which the registry " + registry + " no longer has (" + detail
                + "): the image was deleted, or pruned from the tag's history. Update the pin to what " + tagged
                + " names now: mvn devcontainer:generate -Ddevcontainer.generate.updatePins=true for the Dockerfile"
                + " generate maintains; in a Dockerfile of your own, write the digest docker buildx imagetools inspect "
                + tagged + " shows into its FROM (or merge the update bot's pull request).", cause);
    }

    /** A pull that is slow, not impossible: says so, and how to give it more time or avoid it. */
    private static BaseImageUnavailableException slowPull(String base, String what, Throwable cause) {
        return new BaseImageUnavailableException("Pulling the base image " + base + " " + what + ". The registry"
                + " answers but slowly: try again, pull it yourself first (docker pull " + base + "), or raise "
                + Setting.ref("timeout") + " (seconds).", cause);
    }

    private Optional<InspectImageResponse> inspect(String reference) {
        try {
            return Optional.of(docker.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
