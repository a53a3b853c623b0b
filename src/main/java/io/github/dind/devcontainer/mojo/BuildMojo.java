package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.image.BuildRequest;
import io.github.dind.devcontainer.image.BuildResult;
import io.github.dind.devcontainer.image.ImageBuildException;
import io.github.dind.devcontainer.image.ImageBuilder;
import io.github.dind.devcontainer.image.SbomWriter;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import java.io.IOException;
import java.nio.file.Files;
import io.github.dind.devcontainer.verify.VerifyService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import javax.inject.Inject;

/**
 * Builds the devcontainer image that devcontainer.json's build section describes (its Dockerfile,
 * context, args, target, cache images and the options the classic builder takes), through the Docker
 * API (docker-java, no docker CLI), streaming each Dockerfile step to the log. An unchanged build is
 * recognised by its fingerprint and not rebuilt. Where the pom's parameters and devcontainer.json
 * meet is {@link io.github.dind.devcontainer.image.BuildRequest#of}'s to decide.
 *
 * <p>Its length is its parameters, each documented for the help goal and the site, and the three
 * steps around the build it hands to services: the preload payload, the offline repository's
 * settings, the SBOM.
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

    /**
     * The command that builds the project when the offline-repository Feature's payload is made (in
     * the image, in the project's copy, as the remote user; tests are resolved, not run). Default:
     * the property {@code devcontainer.verify.projectBuildCommand} (verify's {@code projectBuildCommand}
     * when set as that property), else {@code mvn -B package} ({@code ./mvnw} when the project has it;
     * the tests are resolved, not run).
     */
    @Parameter(property = PropertyNames.OFFLINE_REPOSITORY_COMMAND)
    private String offlineRepositoryCommand;

    /**
     * Refuse to build from a base image without a digest: every {@code FROM} of the stages built that
     * names a registry image (not {@code scratch}, not an earlier stage) must be {@code name@sha256:...}
     * or {@code name:tag@sha256:...}. Off by default; turn it on in CI, where a floating tag would let
     * the image change under the same commit. Checked before the Docker daemon is asked.
     */
    @Parameter(property = PropertyNames.REQUIRE_PINNED_BASE, defaultValue = "false")
    private boolean requirePinnedBase;

    /**
     * Write a CycloneDX SBOM (JSON) of the built image to {@code target/devcontainer/<image>.cdx.json}
     * and attach it to the project (type {@code json}, classifier {@code devcontainer-sbom}), so
     * {@code install} and {@code deploy} publish it: the image's OS packages with their package URLs,
     * read from its dpkg or apk database in a container that is created, never started, and removed;
     * the base images and their digests; the JDK and Maven; the plugin as the tool. An image without
     * a package database the plugin reads gets an SBOM that says so, and a warning.
     */
    @Parameter(property = PropertyNames.SBOM, defaultValue = "true")
    private boolean sbom;

    /** The plugin's version: the SBOM's tool. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /** Attaches the SBOM to the project. */
    @Inject
    private MavenProjectHelper projectHelper;

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

    /** How the offline-repository Feature's payload is made (used only when devcontainer.json names that Feature). */
    private ImageBuilder.OfflineBuild offlineBuild() {
        Path root = owner().getBasedir().toPath().toAbsolutePath().normalize();
        String command = offlineRepositoryCommand;
        if (command == null || command.isBlank()) {
            command = session.getUserProperties().getProperty(PropertyNames.PROJECT_BUILD_COMMAND,
                    owner().getProperties().getProperty(PropertyNames.PROJECT_BUILD_COMMAND));
        }
        if (command == null || command.isBlank()) {
            // not -DskipTests: skipped tests resolve no test provider (the warm-up runs none anyway)
            command = (Files.isRegularFile(root.resolve("mvnw")) ? "./mvnw" : "mvn") + " -B package";
        }
        // the host's settings.xml only where devcontainer.json mounts it: then Maven inside uses the same
        // mirrors, and the repository ids the payload records (_remote.repositories) are the ones it asks
        Path settings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        boolean mounted = false;
        Path config = directory().toPath().resolve("devcontainer.json");
        try {
            mounted = Files.isRegularFile(config) && LaunchSettings.read(config).mounts().stream()
                    .anyMatch(m -> m.isBind() && m.target() != null && m.target().endsWith("/.m2/settings.xml"));
        } catch (IOException | RuntimeException e) {
            getLog().debug("Cannot read " + config + " for its mounts: " + e);
        }
        return new ImageBuilder.OfflineBuild(root, command.strip(), mounted && Files.isRegularFile(settings) ? settings : null,
                session.isOffline());
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
        Optional<BuildRequest> request = BuildRequest.of(new BuildRequest.Settings(directory().toPath(),
                owner().getBasedir().toPath(), System.getenv(), dockerfile, imageName(), buildArgs,
                ProjectLabels.forBuild(owner()), metadataLabel, createdLabel, pull, session.isOffline(), noCache, always,
                timeout, cacheFrom, allowedSecrets, localRepository(), lockFeatures, requirePinnedBase), console(), credentials());
        if (request.isEmpty()) {
            return;
        }
        // after the request's own refusals (credentials, a floating base), which ask no daemon
        BuildRequest build = preload(request.get());
        try (DockerConnection docker = connect(build.timeout())) {
            getLog().debug("Using " + docker.describe());
            BuildResult result = new ImageBuilder(docker, console()).withCredentials(credentials())
                    .withOfflineRepository(offlineBuild()).build(build);
            if (sbom) {
                writeSbom(docker, build, result);
            }
        }
    }

    /** The SBOM, written to target/devcontainer and attached with {@link SbomWriter#CLASSIFIER}. */
    private void writeSbom(DockerConnection docker, BuildRequest request, BuildResult result) throws DevcontainerException {
        String name = result.image().repository().substring(result.image().repository().lastIndexOf('/') + 1);
        Path file = Path.of(project.getBuild().getDirectory(), "devcontainer", name + ".cdx.json");
        try {
            new SbomWriter(docker, console()).write(request, result, directory().toPath().resolve("devcontainer.json"),
                    pluginVersion, Map.of(VerifyService.PROJECT_LABEL, owner().getBasedir().toPath().toAbsolutePath()
                            .normalize().toString()), file);
        } catch (IOException e) {
            throw new ImageBuildException("Cannot write the SBOM " + file + ": " + Errors.rootMessage(e)
                    + ". " + io.github.dind.devcontainer.Setting.assign("sbom", "false") + " builds without one.", e);
        }
        File attached = file.toFile();
        projectHelper.attachArtifact(project, "json", SbomWriter.CLASSIFIER, attached);
        getLog().info("Attached the SBOM as " + project.getGroupId() + ":" + project.getArtifactId() + ":json:"
                + SbomWriter.CLASSIFIER + ":" + project.getVersion());
    }

    /**
     * The preload Feature's images (generate's preloadImages), saved from the host's engine into its
     * payload when devcontainer.json names the Feature (a folder it no longer names is left alone); the
     * request then carries the Features' digest of the files as they are now.
     */
    private BuildRequest preload(BuildRequest request) throws DevcontainerException {
        Optional<java.nio.file.Path> feature = io.github.dind.devcontainer.image.ImagePreloader.featureOf(request);
        if (feature.isEmpty()) {
            return request;
        }
        try (DockerConnection docker = connect(request.timeout())) {
            try {
                new io.github.dind.devcontainer.image.ImagePreloader(
                        io.github.dind.devcontainer.image.ImagePreloader.engine(docker, request.timeout()), console())
                        .fill(feature.get(), session.isOffline());
            } catch (RuntimeException e) {
                throw new io.github.dind.devcontainer.docker.DockerCallException("save the images to preload", docker.where(), e);
            }
        }
        try {
            return request.withCurrentFeaturesDigest();
        } catch (IOException e) {
            throw new ImageBuildException("Cannot read the preload Feature's files " + feature.get() + ": "
                    + Errors.rootMessage(e), e);
        }
    }
}
