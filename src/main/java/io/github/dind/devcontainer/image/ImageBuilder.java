package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.context.BuildContextException;
import io.github.dind.devcontainer.image.context.ContextArchive;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryAuthException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Printable;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.image.features.FeatureLayer;
import io.github.dind.devcontainer.image.features.FeaturePlan;
import io.github.dind.devcontainer.image.offline.OfflineRepository;
import io.github.dind.devcontainer.image.offline.OfflineRepositoryException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.docker.DockerCallException;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.EngineQueries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds an image through docker-java: tars the context, skips the daemon when an image with the
 * same fingerprint exists, makes sure the base images are there as the pull policy allows, streams
 * the build to the console, and tags the result.
 *
 * <p>Its length is the classic builder's request (context, tags, labels, build args, cache, auth)
 * and the ways a build ends; the local images are {@link LocalImages}'.
 */
public final class ImageBuilder {
    public static final String CREATED_LABEL = "org.opencontainers.image.created";

    private final Supplier<DockerClient> docker;
    private final String host;
    private final Console console;
    /** The docker CLI's proxy build arguments from config.json, before the request's own build args. */
    private final Map<String, String> proxies;
    private final LocalImages images;
    /** Logins for pulling private base images and cacheFrom images. */
    private CredentialLookup credentials = CredentialLookup.none();
    /** How to make the offline-repository Feature's payload; null: never made. */
    private OfflineBuild offlineBuild;

    /**
     * How the offline-repository Feature's payload is made, when devcontainer.json names the Feature.
     *
     * @param projectRoot the reactor's top-level folder
     * @param command the shell command that builds it
     * @param settingsXml the host's settings.xml to build with; null for none
     * @param mavenOffline Maven runs offline: the payload is used as it is, never made
     */
    public record OfflineBuild(Path projectRoot, String command, Path settingsXml, boolean mavenOffline) {
    }

    public ImageBuilder(DockerConnection connection, Console console) {
        this(connection::client, connection.queries(), connection.where(), console,
                ProxyArgs.forBuild(System.getenv(), connection.address(), Map.of()));
    }

    /**
     * @param docker docker-java's client, asked for only when there is something to build or tag
     * @param queries the read-only calls as JSON trees (the up-to-date check needs no typed client)
     */
    ImageBuilder(Supplier<DockerClient> docker, EngineQueries queries, String host, Console console,
            Map<String, String> proxies) {
        this.docker = docker;
        this.host = host;
        this.console = console;
        this.proxies = proxies;
        this.images = new LocalImages(docker, queries, console);
    }

    /** Makes the offline-repository Feature's payload this way when it is missing or out of date; returns this builder. */
    public ImageBuilder withOfflineRepository(OfflineBuild build) {
        this.offlineBuild = build;
        return this;
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
     * @throws CredentialInBuildException a proxy from the docker CLI's config.json that the Dockerfile declares
     *     holds a password (the request's own build args are checked by {@link BuildRequest#of})
     * @throws OfflineRepositoryException when the offline-repository Feature's payload had to be made
     *     and the project's build failed in the image ({@link RepositoryWarmUp})
     */
    public BuildResult build(BuildRequest request)
            throws BuildContextException, BaseImageUnavailableException, ImageBuildException, DockerCallException,
            RegistryAuthException, CredentialInBuildException, OfflineRepositoryException {
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
            RegistryAuthException, CredentialInBuildException, OfflineRepositoryException {
        long start = System.nanoTime();
        Path dockerfile = BuildContextCheck.dockerfile(request);
        BuildContextCheck.warnAboutCrlf(request, console);
        String dockerfileText = Files.readString(dockerfile, StandardCharsets.UTF_8);
        BuildArgSecrets.refuse(proxies.entrySet().stream().filter(p -> !request.buildArgs().containsKey(p.getKey()))
                .map(p -> new BuildArgSecrets.Arg(p.getKey(), p.getValue(), BuildArgSecrets.DOCKER_CONFIG, true)).toList(),
                BaseImages.declaredArgs(dockerfileText), request.allowedSecrets());
        if (request.target() != null
                && !BaseImages.stageNames(dockerfileText).contains(request.target().toLowerCase(Locale.ROOT))) {
            throw new BuildContextException("The target stage " + Printable.quote(request.target()) + " (build.target of"
                    + " devcontainer.json, or --target in its build.options) is not a stage of " + dockerfile
                    + ": its named stages are " + BaseImages.stageNames(dockerfileText) + ". Name one of them, or"
                    + " leave build.target out to build the last.");
        }
        try (ContextArchive context = ContextArchive.create(request.contextDirectory(), dockerfile)) {
            String fingerprint = fingerprint(context, request);
            console.debug("Build context: " + context.entries() + " entries, sha256:" + context.sha256()
                    + "; fingerprint " + fingerprint);
            Optional<LocalImages.LocalImage> previous = images.inspect(request.image().primary());
            Optional<OfflineRepository> offline = staleOfflineRepository(request, dockerfileText);
            if (!request.always() && !request.noCache() && request.pull() != PullPolicy.ALWAYS && offline.isEmpty()) {
                Optional<LocalImages.LocalImage> existing = previous
                        .filter(image -> fingerprint.equals(image.labels().get(BuildFingerprint.LABEL)));
                if (existing.isPresent()) {
                    images.tagMissing(existing.get(), request.image());
                    console.info("Image " + request.image().primary() + " is up to date (" + LocalImages.shortId(existing.get().id())
                            + "): the context, Dockerfile, build args, target and labels are unchanged, nothing to build."
                            + " " + Setting.assign("always", "true") + " rebuilds it.");
                    return new BuildResult(existing.get().id(), existing.get().size(), request.image(), true, since(start));
                }
            }
            Set<String> replaced = new LinkedHashSet<>();
            previous.ifPresent(image -> replaced.add(image.id()));
            request.image().references().stream().skip(1).forEach(reference -> images.inspect(reference)
                    .ifPresent(image -> replaced.add(image.id())));
            BaseImagePuller puller = new BaseImagePuller(docker.get(), console, credentials);
            puller.ensureBaseImages(dockerfileText, request);
            List<String> cacheFrom = puller.ensureCacheImages(request);
            String dockerfileImage;
            try {
                dockerfileImage = runBuild(request, context, fingerprint, cacheFrom, request.pull() == PullPolicy.ALWAYS
                        ? puller.logins(BaseImages.of(dockerfileText, request.buildArgs(), request.target())) : null);
            } catch (ImageBuildException e) {
                throw stalePinIn(e, BaseImages.of(dockerfileText, request.buildArgs(), request.target())).orElseThrow(() -> e);
            }
            if (offline.isPresent()) {
                try {
                    new RepositoryWarmUp(docker.get(), console).fill(dockerfileImage, users(request, dockerfileImage).remote(),
                            offline.get(), offlineBuild.settingsXml(), request.timeout());
                } catch (OfflineRepositoryException e) {
                    images.removeLeftOfFailedBuild(dockerfileImage);
                    throw e;
                }
            }
            // the payload is part of the Features' files: their digest, and so the fingerprint, changed
            BuildRequest installing = offline.isEmpty() ? request : request.withCurrentFeaturesDigest();
            String imageId = request.features().isEmpty() ? dockerfileImage
                    : installFeatures(installing, dockerfileImage, offline.isEmpty() ? fingerprint
                            : fingerprint(context, installing), cacheFrom);
            LocalImages.LocalImage built = images.inspect(imageId).orElseThrow(() -> new IllegalStateException("the image " + imageId
                    + " the build made is gone"));
            replaced.remove(built.id());
            replaced.forEach(images::removeIfDangling);
            BuildResult result = new BuildResult(built.id(), built.size(), request.image(), false, since(start));
            console.info(String.format(Locale.ROOT, "Built %s: image %s, %s, in %.1f s",
                    String.join(", ", result.image().references()), LocalImages.shortId(result.imageId()),
                    megabytes(result.sizeBytes()), result.took().toMillis() / 1000.0));
            return result;
        }
    }

    /**
     * A build that failed pulling a pinned base image whose digest the registry no longer has (with
     * pull=always the daemon pulls in the FROM step itself): said as {@link BaseImagePuller#stalePin} says it.
     */
    private static Optional<BaseImageUnavailableException> stalePinIn(ImageBuildException e, List<String> bases) {
        String message = String.valueOf(e.getMessage());
        if (!BaseImagePuller.manifestUnknown(message)) {
            return Optional.empty();
        }
        return bases.stream().map(io.github.dind.devcontainer.devcontainer.ImageReference::parse)
                .filter(b -> b.digest().isPresent() && message.contains(b.digest().get()))
                .findFirst().map(b -> BaseImagePuller.stalePin(b, io.github.dind.devcontainer.image.registry.CredentialLookup
                        .registryOf(b.repository()), "the daemon: " + e.getMessage(), e));
    }

    /**
     * The second build: the Features installed on top of the Dockerfile's image, which the first build
     * left untagged (it stays as the parent of this one; when this one fails it is removed, so no
     * image without the Features carries the tags or dangles), with the tags and labels.
     */
    private String installFeatures(BuildRequest request, String baseImageId, String fingerprint, List<String> cacheFrom)
            throws ImageBuildException, BuildContextException, IOException {
        FeaturePlan plan = request.features();
        Users users = users(request, baseImageId);
        String imageUser = users.image();
        String containerUser = users.container();
        String remoteUser = users.remote();
        console.info("Installing " + plan.features().size() + " Feature" + (plan.features().size() == 1 ? "" : "s")
                + " in this order: " + String.join(", ", plan.features().stream().map(f -> f.userFeatureId()).toList())
                + " (remote user " + remoteUser + ", container user " + containerUser + ")");
        Path folder = Files.createTempDirectory("devcontainer-features-");
        boolean installed = false;
        try {
            FeatureLayer.write(folder, baseImageId, plan.features(), imageUser, containerUser, remoteUser);
            try (ContextArchive context = ContextArchive.create(folder, folder.resolve("Dockerfile"))) {
                BuildProgress progress = new BuildProgress(console);
                try (InputStream tar = context.open()) {
                    BuildImageCmd command = docker.get().buildImageCmd()
                            .withTarInputStream(tar)
                            .withDockerfilePath(context.dockerfileName())
                            .withTags(new HashSet<>(request.image().references()))
                            .withLabels(labels(request, fingerprint))
                            .withNoCache(request.noCache())
                            .withRemove(true)
                            .withForcerm(true);
                    // a pushed image holds the Features' layers too: cacheFrom serves this build as well
                    buildSettings(command, request, cacheFrom);
                    proxies.forEach(command::withBuildArg);
                    String imageId = execute(command, progress, request.timeout());
                    installed = true;
                    return imageId;
                }
            }
        } catch (FeatureException e) {
            throw new BuildContextException(e.getMessage(), e);
        } finally {
            deleteTree(folder);
            if (!installed) {
                // untagged and now of no use: the image the whole build got to before it failed
                images.removeLeftOfFailedBuild(baseImageId);
            }
        }
    }

    /** What an unchanged build is recognised by: the context, the Dockerfile's name and the request's settings. */
    private static String fingerprint(ContextArchive context, BuildRequest request) {
        return BuildFingerprint.of(context.sha256(), context.dockerfileName(), request.buildArgs(), request.labels(),
                request.target(), request.network(), request.extraHosts());
    }

    /** The image's USER, and the container and remote users the Features' build and the warm-up use. */
    private record Users(String image, String container, String remote) {
    }

    private Users users(BuildRequest request, String imageId) {
        String imageUser = Optional.ofNullable(docker.get().inspectImageCmd(imageId).exec().getConfig())
                .map(config -> config.getUser()).filter(user -> !user.isBlank()).orElse("root");
        String containerUser = Optional.ofNullable(request.features().containerUser()).orElse(imageUser);
        return new Users(imageUser, containerUser, Optional.ofNullable(request.features().remoteUser()).orElse(containerUser));
    }

    /**
     * The offline-repository Feature's payload when it must be made (again): devcontainer.json names
     * the Feature and the payload is missing or was made from other build files. Maven offline: never
     * (the warm-up needs the network), with a warning when it is out of date.
     */
    private Optional<OfflineRepository> staleOfflineRepository(BuildRequest request, String dockerfileText) throws IOException {
        if (offlineBuild == null) {
            return Optional.empty();
        }
        Optional<OfflineRepository> offline = OfflineRepository.of(request.features().features(), offlineBuild.projectRoot(),
                offlineBuild.command(), dockerfileText).filter(o -> !o.isCurrent());
        if (offline.isPresent() && offlineBuild.mavenOffline()) {
            console.warn("The offline repository " + offline.get().payload() + " is " + (Files.exists(offline.get().payload())
                    ? "out of date (the project's build files changed)" : "missing") + ", and Maven runs offline (-o):"
                    + " it is not made now; build once online to bring it up to date.");
            return Optional.empty();
        }
        return offline;
    }

    private static void deleteTree(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary folder; the system's cleanup takes what is left
        }
    }

    private static Map<String, String> labels(BuildRequest request, String fingerprint) {
        Map<String, String> labels = new HashMap<>(request.labels());
        labels.put(BuildFingerprint.LABEL, fingerprint);
        if (request.created() != null) {
            labels.put(CREATED_LABEL, DateTimeFormatter.ISO_INSTANT.format(request.created()));
        }
        return labels;
    }

    private String runBuild(BuildRequest request, ContextArchive context, String fingerprint, List<String> cacheFrom,
            AuthConfigurations logins) throws ImageBuildException, IOException {
        Map<String, String> labels = labels(request, fingerprint);
        console.info("Building " + String.join(", ", request.image().references()) + " from " + request.dockerfile()
                + (request.target() == null ? "" : " (stage " + request.target() + ")"));
        BuildProgress progress = new BuildProgress(console);
        try (InputStream tar = context.open()) {
            BuildImageCmd command = docker.get().buildImageCmd()
                    .withTarInputStream(tar)
                    .withDockerfilePath(context.dockerfileName())
                    .withTags(request.features().isEmpty() ? new HashSet<>(request.image().references()) : Set.of())
                    .withLabels(labels)
                    .withNoCache(request.noCache())
                    .withPull(request.pull() == PullPolicy.ALWAYS)
                    .withRemove(true)
                    .withForcerm(true); // no intermediate container survives a failed step
            buildSettings(command, request, cacheFrom);
            if (request.target() != null) {
                command.withTarget(request.target());
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
            return execute(command, progress, request.timeout());
        }
    }

    /** What both builds (the Dockerfile's and the Features') take from the request: cache images, network, extra hosts. */
    private static void buildSettings(BuildImageCmd command, BuildRequest request, List<String> cacheFrom) {
        if (!cacheFrom.isEmpty()) {
            command.withCacheFrom(new HashSet<>(cacheFrom));
        }
        if (request.network() != null) {
            command.withNetworkMode(request.network());
        }
        if (!request.extraHosts().isEmpty()) {
            command.withExtraHosts(new LinkedHashSet<>(request.extraHosts()));
        }
    }

    /**
     * Runs the build, bounded by {@code timeout}; the image id, or the failed step with its output
     * (and what the failed build left behind removed: {@link LocalImages#removeLeftOfFailedBuild}).
     */
    private String execute(BuildImageCmd command, BuildProgress progress, Duration timeout)
            throws ImageBuildException, IOException {
        try {
            return executeOnce(command, progress, timeout);
        } catch (ImageBuildException e) {
            Optional.ofNullable(progress.lastImage()).ifPresent(images::removeLeftOfFailedBuild);
            throw e;
        }
    }

    private static String executeOnce(BuildImageCmd command, BuildProgress progress, Duration timeout)
            throws ImageBuildException, IOException {
        try {
            command.exec(progress);
            boolean finished = progress.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                progress.close();
                throw new ImageBuildException("The image build did not finish within " + timeout.toSeconds()
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

    private static String megabytes(long bytes) {
        return bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
