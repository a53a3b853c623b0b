package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.build.BuildRequest;
import io.github.dind.devcontainer.build.BuildResult;
import io.github.dind.devcontainer.build.ImageBuilder;
import io.github.dind.devcontainer.build.MetadataLabel;
import io.github.dind.devcontainer.build.PullPolicy;
import io.github.dind.devcontainer.docker.DockerConnection;
import java.time.Duration;
import java.time.Instant;
import io.github.dind.devcontainer.spec.ImageMetadata;
import io.github.dind.devcontainer.spec.ImageReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the devcontainer image through the Docker API (docker-java, no docker CLI), streaming each
 * Dockerfile step to the log. An unchanged context is recognised by its fingerprint and not rebuilt.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractDockerMojo {
    /** The Dockerfile, relative to {@code directory} (the build context). */
    @Parameter(property = PropertyNames.DOCKERFILE, defaultValue = "Dockerfile")
    private String dockerfile;

    /** Build arguments ({@code ARG}s of the Dockerfile). */
    @Parameter
    private Map<String, String> buildArgs;

    /** When to pull base images: {@code missing} (default), {@code always} or {@code never}. {@code mvn -o} implies never. */
    @Parameter(property = PropertyNames.PULL, defaultValue = "missing")
    private String pull;

    /** Build without the daemon's layer cache. */
    @Parameter(property = PropertyNames.NO_CACHE, defaultValue = "false")
    private boolean noCache;

    /** Build even when an image with the same fingerprint (context, build args, labels) exists. */
    @Parameter(property = PropertyNames.BUILD_ALWAYS, defaultValue = "false")
    private boolean always;

    /** Seconds the whole build (base image pulls included) may take. */
    @Parameter(property = PropertyNames.BUILD_TIMEOUT, defaultValue = "1800")
    private int timeout;

    /** Record the build time as {@code org.opencontainers.image.created}; off by default, so builds are reproducible. */
    @Parameter(property = PropertyNames.CREATED_LABEL, defaultValue = "false")
    private boolean createdLabel;

    /**
     * Images whose layers the build may reuse, e.g. the last pushed tag
     * ({@code registry.example.com/team/app-devcontainer:latest}): pulled first when missing (with the
     * same logins as push), skipped with a warning when they cannot be pulled. Makes CI builds
     * incremental; see "Prebuild in CI" in the README.
     */
    @Parameter(property = PropertyNames.CACHE_FROM)
    private List<String> cacheFrom;

    /**
     * Record the devcontainer's configuration in the image as the {@code devcontainer.metadata} label
     * (containers.dev "Image metadata"), taken from {@code devcontainer.json}: a client given only the
     * image name then starts it privileged, with its entrypoint, volume and lifecycle commands.
     */
    @Parameter(property = PropertyNames.METADATA_LABEL, defaultValue = "true")
    private boolean metadataLabel;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
    private boolean skipBuild;

    @Override
    String goal() {
        return "build";
    }

    @Override
    List<SkipFlag> goalSkipFlags() {
        return List.of(new SkipFlag(PropertyNames.BUILD_SKIP, skipBuild));
    }

    @Override
    void run() throws DevcontainerException {
        BuildRequest request = request();
        try (DockerConnection docker = connect(request.timeout())) {
            getLog().debug("Using " + docker.describe());
            BuildResult result = new ImageBuilder(docker, console()).withCredentials(credentials()).build(request);
            if (!result.upToDate()) {
                getLog().info(String.format(Locale.ROOT, "Built %s: image %s, %s, in %.1f s",
                        String.join(", ", result.image().references()), ImageBuilder.shortId(result.imageId()),
                        megabytes(result.sizeBytes()), result.took().toMillis() / 1000.0));
            }
        }
    }

    private BuildRequest request() throws DevcontainerException {
        if (timeout < 1) {
            throw new InvalidSettingException("timeout", timeout, "must be at least 1 (seconds)");
        }
        PullPolicy configured = PullPolicy.fromId(pull);
        PullPolicy pullPolicy = effectivePull(configured, session.isOffline());
        if (pullPolicy != configured) {
            getLog().info("Maven runs offline: base images are not pulled (pull=never)");
        }
        Map<String, String> labels = new LinkedHashMap<>(ProjectLabels.forBuild(owner()));
        if (metadataLabel) {
            MetadataLabel.of(directory().toPath(), console()).ifPresent(value -> labels.put(ImageMetadata.LABEL, value));
        }
        List<String> cache = cacheFrom == null ? List.of() : cacheFrom.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (String image : cache) {
            if (!ImageReference.isValid(image)) {
                throw new InvalidSettingException("cacheFrom", image, "must be " + ImageReference.RULE);
            }
        }
        return new BuildRequest(directory().toPath(), dockerfile.replace('\\', '/'), imageName(),
                buildArgs == null ? Map.of() : buildArgs, labels,
                createdLabel ? Instant.now() : null, pullPolicy, noCache, always, Duration.ofSeconds(timeout), cache);
    }

    /** Offline Maven never pulls: {@code mvn -o} turns every policy into {@link PullPolicy#NEVER}. */
    static PullPolicy effectivePull(PullPolicy configured, boolean offline) {
        return offline ? PullPolicy.NEVER : configured;
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "size unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }
}
