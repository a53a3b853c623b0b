package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.image.BuildRequest;
import io.github.dind.devcontainer.image.ImageBuilder;
import io.github.dind.devcontainer.docker.DockerConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the devcontainer image that devcontainer.json's build section describes (its Dockerfile,
 * context, args, target, cache images and the options the classic builder takes), through the Docker
 * API (docker-java, no docker CLI), streaming each Dockerfile step to the log. An unchanged build is
 * recognised by its fingerprint and not rebuilt. Where the pom's parameters and devcontainer.json
 * meet is {@link io.github.dind.devcontainer.image.BuildRequest#of}'s to decide.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractDockerMojo {
    /**
     * The Dockerfile, relative to {@code directory}. Default: {@code build.dockerfile} of
     * devcontainer.json (relative to its folder), else {@code Dockerfile} when there is no
     * devcontainer.json. Set, it overrides devcontainer.json's, with a warning: clients build
     * devcontainer.json's.
     */
    @Parameter(property = PropertyNames.DOCKERFILE)
    private String dockerfile;

    /**
     * Build arguments ({@code ARG}s of the Dockerfile), added to devcontainer.json's {@code build.args};
     * where both set one, the pom's value wins, with a warning: clients build with devcontainer.json's.
     */
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
     * Images whose layers the build may reuse, before devcontainer.json's {@code build.cacheFrom}, e.g. the last pushed tag
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

    /**
     * Names, and credential format ids, that may look like credentials in the image. Build sends a
     * build argument named here although its name or value looks like a credential (otherwise it
     * refuses: Docker records build arguments in the image's history); verify's {@code no-secrets}
     * check lets pass what a name here holds in the image's history, environment and labels. A format
     * id ({@code github-token}, {@code gitlab-token}, {@code aws-access-key-id}, {@code slack-token},
     * {@code google-api-key}, {@code npm-token}, {@code pypi-token}, {@code docker-token},
     * {@code private-key}, {@code jwt}, {@code url-password}) allows that format everywhere, e.g. a
     * public JWT. Names are case-sensitive. Empty by default: nothing that looks like a credential
     * gets into the image unnoticed.
     */
    @Parameter(property = PropertyNames.ALLOWED_SECRETS)
    private List<String> allowedSecrets;

    /**
     * Write {@code devcontainer-lock.json} beside devcontainer.json, as the devcontainer CLI writes it:
     * each Feature from a registry with the version and manifest digest it resolved to. Without it, an
     * existing lockfile is read (its Features resolve to the digests it pins) and never rewritten.
     */
    @Parameter(property = PropertyNames.LOCK_FEATURES, defaultValue = "false")
    private boolean lockFeatures;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
    private boolean skipBuild;

    /** Maven's local repository (the Feature cache is in it); {@code ~/.m2/repository} when the session has none. */
    private Path localRepository() {
        if (session != null && session.getRepositorySession() != null
                && session.getRepositorySession().getLocalRepository() != null) {
            return session.getRepositorySession().getLocalRepository().getBasedir().toPath();
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

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
        preload();
        Optional<BuildRequest> request = BuildRequest.of(new BuildRequest.Settings(directory().toPath(),
                owner().getBasedir().toPath(), System.getenv(), dockerfile, imageName(), buildArgs,
                ProjectLabels.forBuild(owner()), metadataLabel, createdLabel, pull, session.isOffline(), noCache, always,
                timeout, cacheFrom, allowedSecrets, localRepository(), lockFeatures), console(), credentials());
        if (request.isEmpty()) {
            return;
        }
        try (DockerConnection docker = connect(request.get().timeout())) {
            getLog().debug("Using " + docker.describe());
            new ImageBuilder(docker, console()).withCredentials(credentials()).build(request.get());
        }
    }

    /**
     * The preload Feature's images (generate's preloadImages), saved from the host's engine into its
     * payload before the build reads the Features' files.
     */
    private void preload() throws DevcontainerException {
        Optional<java.nio.file.Path> feature = io.github.dind.devcontainer.image.ImagePreloader.featureFolder(directory().toPath());
        if (feature.isEmpty()) {
            return;
        }
        java.time.Duration bound = java.time.Duration.ofSeconds(Math.max(1, timeout));
        try (DockerConnection docker = connect(bound)) {
            try {
                new io.github.dind.devcontainer.image.ImagePreloader(
                        io.github.dind.devcontainer.image.ImagePreloader.engine(docker, bound), console())
                        .fill(feature.get(), session.isOffline());
            } catch (RuntimeException e) {
                throw new io.github.dind.devcontainer.docker.DockerCallException("save the images to preload", docker.where(), e);
            }
        }
    }
}
