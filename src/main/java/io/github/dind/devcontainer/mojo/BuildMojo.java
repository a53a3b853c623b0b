package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.build.BaseImageUnavailableException;
import io.github.dind.devcontainer.build.BuildContextException;
import io.github.dind.devcontainer.build.BuildRequest;
import io.github.dind.devcontainer.build.BuildResult;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.DockerUnavailableException;
import io.github.dind.devcontainer.build.ImageBuildException;
import io.github.dind.devcontainer.build.ImageBuilder;
import io.github.dind.devcontainer.build.ImageName;
import io.github.dind.devcontainer.build.PullPolicy;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the devcontainer image through the Docker API (docker-java, no docker CLI), streaming each
 * Dockerfile step to the log. An unchanged context is recognised by its fingerprint and not rebuilt.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractDockerMojo {
    /** The directory sent to the daemon as the build context. */
    @Parameter(property = PropertyNames.CONTEXT_DIRECTORY, defaultValue = "${project.basedir}/.devcontainer")
    private File contextDirectory;

    /** The Dockerfile, relative to the context directory. */
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

    /** Seconds the whole build may take. */
    @Parameter(property = PropertyNames.BUILD_TIMEOUT, defaultValue = "1800")
    private int timeout;

    /** Record the build time as {@code org.opencontainers.image.created}; off by default, so builds are reproducible. */
    @Parameter(property = PropertyNames.CREATED_LABEL, defaultValue = "false")
    private boolean createdLabel;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
    private boolean skipBuild;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    String goal() {
        return "build";
    }

    @Override
    boolean isGoalSkipped() {
        return skipBuild;
    }

    @Override
    String goalSkipProperty() {
        return PropertyNames.BUILD_SKIP;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        BuildRequest request = request();
        try (DockerConnection docker = connect()) {
            getLog().debug("Using " + docker.describe());
            BuildResult result = new ImageBuilder(docker.client(), new MavenConsole(getLog())).build(request);
            if (!result.upToDate()) {
                getLog().info(String.format("Built %s: image %s, %s, in %.1f s", String.join(", ", result.image().references()),
                        ImageBuilder.shortId(result.imageId()), megabytes(result.sizeBytes()), result.took().toMillis() / 1000.0));
            }
        } catch (DockerUnavailableException | BaseImageUnavailableException | BuildContextException e) {
            throw problem(e);
        } catch (ImageBuildException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the build context " + contextDirectory + ": " + e, e);
        }
    }

    private BuildRequest request() throws MojoExecutionException {
        ImageName image = imageName();
        PullPolicy pullPolicy;
        try {
            pullPolicy = PullPolicy.fromId(pull);
        } catch (IllegalArgumentException e) {
            throw problem(e);
        }
        if (session.isOffline() && pullPolicy != PullPolicy.NEVER) {
            getLog().info("Maven runs offline: base images are not pulled (pull=never)");
            pullPolicy = PullPolicy.NEVER;
        }
        if (timeout < 1) {
            throw new MojoExecutionException("<timeout> must be at least 1 second, not " + timeout);
        }
        Map<String, String> labels = ProjectLabels.forBuild(project);
        return new BuildRequest(contextDirectory.toPath(), dockerfile.replace('\\', '/'), image,
                buildArgs == null ? Map.of() : buildArgs, labels, createdLabel ? Instant.now() : null,
                pullPolicy, noCache, always, Duration.ofSeconds(timeout));
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "size unknown" : String.format("%.0f MB", bytes / 1_000_000.0);
    }
}
