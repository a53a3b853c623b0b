package io.github.dind.devcontainer.build;

import io.github.dind.devcontainer.Setting;

import io.github.dind.devcontainer.Errors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.docker.DockerCallException;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.spec.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds an image through docker-java: tars the context, skips the daemon when an image with the
 * same fingerprint exists, makes sure the base images are there as the pull policy allows, streams
 * the build to the console, and tags the result.
 */
public final class ImageBuilder {
    public static final String CREATED_LABEL = "org.opencontainers.image.created";

    private final DockerClient docker;
    private final String host;
    private final Console console;
    /** The docker CLI's proxy build arguments from config.json, before the request's own build args. */
    private final Map<String, String> proxies;
    /** Logins for pulling private base images and cacheFrom images. */
    private CredentialLookup credentials = CredentialLookup.none();

    public ImageBuilder(DockerConnection connection, Console console) {
        this(connection.client(), connection.where(), console,
                ProxyArgs.forBuild(System.getenv(), connection.address(), Map.of()));
    }

    ImageBuilder(DockerClient docker, String host, Console console, Map<String, String> proxies) {
        this.docker = docker;
        this.host = host;
        this.console = console;
        this.proxies = proxies;
    }

    /** Uses these logins to pull private base and cacheFrom images; returns this builder. */
    public ImageBuilder withCredentials(CredentialLookup lookup) {
        this.credentials = lookup;
        return this;
    }

    /**
     * Builds the image, or finds it up to date.
     *
     * @throws BuildContextException the context or Dockerfile is missing or cannot be read
     * @throws BaseImageUnavailableException a base image is not there and may not, or cannot, be pulled
     * @throws ImageBuildException a Dockerfile step failed, or the build did not finish in time
     * @throws DockerCallException the daemon failed a call outside those cases
     * @throws RegistryAuthException a login for a registry to pull from could not be read
     */
    public BuildResult build(BuildRequest request)
            throws BuildContextException, BaseImageUnavailableException, ImageBuildException, DockerCallException,
            RegistryAuthException {
        try {
            return buildOrReuse(request);
        } catch (IOException e) {
            throw new BuildContextException("Cannot read the build context " + request.contextDirectory() + ": "
                    + Errors.rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new DockerCallException("build " + request.image().primary(), host, e);
        }
    }

    private BuildResult buildOrReuse(BuildRequest request)
            throws BuildContextException, BaseImageUnavailableException, ImageBuildException, IOException,
            RegistryAuthException {
        long start = System.nanoTime();
        Path dockerfile = checkContext(request);
        warnAboutCrlf(request);
        try (ContextArchive context = ContextArchive.create(request.contextDirectory(), request.dockerfile())) {
            String fingerprint = BuildFingerprint.of(context.sha256(), request.dockerfile(), request.buildArgs(),
                    request.labels());
            console.debug("Build context: " + context.entries() + " entries, sha256:" + context.sha256()
                    + "; fingerprint " + fingerprint);
            if (!request.always() && !request.noCache() && request.pull() != PullPolicy.ALWAYS) {
                Optional<InspectImageResponse> existing = inspect(request.image().primary())
                        .filter(image -> fingerprint.equals(labels(image).get(BuildFingerprint.LABEL)));
                if (existing.isPresent()) {
                    tagMissing(existing.get(), request.image());
                    console.info("Image " + request.image().primary() + " is up to date (" + shortId(existing.get().getId())
                            + "): the context, build args and labels are unchanged, nothing to build."
                            + " " + Setting.assign("always", "true") + " rebuilds it.");
                    return new BuildResult(existing.get().getId(), size(existing.get()), request.image(), true, since(start));
                }
            }
            String dockerfileText = Files.readString(dockerfile, StandardCharsets.UTF_8);
            ensureBaseImages(dockerfileText, request);
            List<String> cacheFrom = ensureCacheImages(request);
            String imageId = runBuild(request, context, fingerprint, cacheFrom,
                    request.pull() == PullPolicy.ALWAYS ? logins(BaseImages.of(dockerfileText, request.buildArgs())) : null);
            InspectImageResponse built = docker.inspectImageCmd(imageId).exec();
            return new BuildResult(built.getId(), size(built), request.image(), false, since(start));
        }
    }

    /** A Windows checkout's CRLF endings break a shell script's shebang: say which files and how to fix the checkout. */
    private void warnAboutCrlf(BuildRequest request) throws IOException {
        java.util.List<String> crlf = LineEndings.crlfFiles(request.contextDirectory(), request.dockerfile());
        if (!crlf.isEmpty()) {
            console.warn("Windows (CRLF) line endings in " + String.join(", ", crlf) + " of the build context "
                    + request.contextDirectory() + ". The generated Dockerfile strips them from startup.sh, but a shell"
                    + " script run in the image with CRLF fails (its shebang names \"bash\\r\"). Keep LF in Git:"
                    + " devcontainer:generate writes .devcontainer/.gitattributes; then run git add --renormalize ."
                    + " and check out again.");
        }
    }

    private static Path checkContext(BuildRequest request) throws BuildContextException {
        Path context = request.contextDirectory();
        if (!Files.isDirectory(context)) {
            throw new BuildContextException("The build context " + context + " does not exist. Run"
                    + " devcontainer:generate first, or point " + Setting.ref("directory") + " at a directory with a Dockerfile.");
        }
        Path dockerfile = context.resolve(request.dockerfile()).normalize();
        if (!dockerfile.startsWith(context.normalize())) {
            throw new BuildContextException(Setting.ref("dockerfile") + " " + request.dockerfile() + " lies outside the build context "
                    + context + "; the daemon only sees files inside it.");
        }
        if (!Files.isRegularFile(dockerfile)) {
            throw new BuildContextException("There is no Dockerfile at " + dockerfile + ". Run devcontainer:generate"
                    + " first, or set " + Setting.ref("dockerfile") + " (relative to " + context + ").");
        }
        return dockerfile;
    }

    /**
     * The cacheFrom images that are on the daemon, pulled first when missing and the policy allows.
     * The classic builder only reuses layers of local images, so a missing one is pulled; one that
     * cannot be pulled (the first build, nothing pushed yet) is left out with a warning.
     */
    private List<String> ensureCacheImages(BuildRequest request) throws RegistryAuthException {
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
    private AuthConfigurations logins(List<String> images) throws RegistryAuthException {
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

    private void ensureBaseImages(String dockerfile, BuildRequest request)
            throws BaseImageUnavailableException, RegistryAuthException {
        if (request.pull() == PullPolicy.ALWAYS) {
            return; // the daemon pulls every base image itself (pull=true)
        }
        for (String base : BaseImages.of(dockerfile, request.buildArgs())) {
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
            throw new BaseImageUnavailableException("The base image " + base + " is not on the Docker daemon and"
                    + " cannot be pulled: " + Errors.rootMessage(e) + ". If no registry is reachable (offline,"
                    + " air-gapped), put the image on the daemon yourself (docker load, or a local build tagged "
                    + base + ") and set " + Setting.assign("pull", "never") + ", or generate from a base image you have.", e);
        }
    }

    /** A pull that is slow, not impossible: says so, and how to give it more time or avoid it. */
    private static BaseImageUnavailableException slowPull(String base, String what, Throwable cause) {
        return new BaseImageUnavailableException("Pulling the base image " + base + " " + what + ". The registry"
                + " answers but slowly: try again, pull it yourself first (docker pull " + base + "), or raise "
                + Setting.ref("timeout") + " (seconds).", cause);
    }

    private String runBuild(BuildRequest request, ContextArchive context, String fingerprint, List<String> cacheFrom,
            AuthConfigurations logins) throws ImageBuildException, IOException {
        Map<String, String> labels = new HashMap<>(request.labels());
        labels.put(BuildFingerprint.LABEL, fingerprint);
        if (request.created() != null) {
            labels.put(CREATED_LABEL, DateTimeFormatter.ISO_INSTANT.format(request.created()));
        }
        console.info("Building " + String.join(", ", request.image().references()) + " from "
                + request.contextDirectory().resolve(request.dockerfile()));
        BuildProgress progress = new BuildProgress(console);
        try (InputStream tar = context.open()) {
            BuildImageCmd command = docker.buildImageCmd()
                    .withTarInputStream(tar)
                    .withDockerfilePath(request.dockerfile())
                    .withTags(new HashSet<>(request.image().references()))
                    .withLabels(labels)
                    .withNoCache(request.noCache())
                    .withPull(request.pull() == PullPolicy.ALWAYS)
                    .withRemove(true)
                    .withForcerm(true); // no intermediate container survives a failed step
            if (!cacheFrom.isEmpty()) {
                command.withCacheFrom(new HashSet<>(cacheFrom));
            }
            if (logins != null && logins.getConfigs() != null && !logins.getConfigs().isEmpty()) {
                command.withBuildAuthConfigs(logins);
            }
            proxies.forEach((name, value) -> {
                if (!request.buildArgs().containsKey(name)) {
                    command.withBuildArg(name, value);
                }
            });
            request.buildArgs().forEach(command::withBuildArg);
            command.exec(progress);
            boolean finished = progress.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                progress.close();
                throw new ImageBuildException("The image build did not finish within " + request.timeout().toSeconds()
                        + " s (at " + Optional.ofNullable(progress.step()).orElse("its start") + "). Raise "
                        + Setting.ref("timeout") + " (seconds) if the build is just slow.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.close();
            throw new ImageBuildException("Interrupted during the image build", e);
        } catch (RuntimeException e) {
            if (progress.error() == null) {
                throw new ImageBuildException("The Docker daemon broke off the build at "
                        + Optional.ofNullable(progress.step()).orElse("its start") + ": " + Errors.rootMessage(e), e);
            }
        }
        if (progress.error() != null) {
            throw ImageBuildException.stepFailed(progress.step(), progress.error(), progress.lastLines());
        }
        try {
            return progress.awaitImageId();
        } catch (RuntimeException e) {
            throw new ImageBuildException("The daemon finished the build without naming an image: "
                    + Errors.rootMessage(e), e);
        }
    }

    private void tagMissing(InspectImageResponse image, ImageName name) {
        for (String tag : name.tags()) {
            String reference = name.repository() + ":" + tag;
            boolean current = image.getRepoTags() != null && image.getRepoTags().contains(reference);
            if (!current) {
                docker.tagImageCmd(image.getId(), name.repository(), tag).exec();
                console.info("Tagged " + reference);
            }
        }
    }

    private Optional<InspectImageResponse> inspect(String reference) {
        try {
            return Optional.of(docker.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> labels(InspectImageResponse image) {
        return image.getConfig() == null || image.getConfig().getLabels() == null ? Map.of() : image.getConfig().getLabels();
    }

    private static long size(InspectImageResponse image) {
        return image.getSize() == null ? -1 : image.getSize();
    }

    /** The first 12 hex digits of an image id, as the docker CLI shows it. */
    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
