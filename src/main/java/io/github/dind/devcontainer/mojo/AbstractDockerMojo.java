package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.image.ImageName;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.DockerConnector;
import io.github.dind.devcontainer.docker.DockerUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that talk to Docker: where the daemon is, and which image is the devcontainer's. */
abstract class AbstractDockerMojo extends AbstractDevcontainerMojo {
    /** The image repository; default {@code <artifactId>-devcontainer}, of the top-level project. */
    @Parameter(property = PropertyNames.IMAGE_NAME)
    private String imageName;

    /**
     * The tags; default the top-level project's version and {@code latest}. The first one is the
     * image verify starts.
     */
    @Parameter(property = PropertyNames.TAGS)
    private List<String> tags;

    /** The Docker daemon, e.g. {@code unix:///var/run/docker.sock}; default from DOCKER_HOST or the Docker context. */
    @Parameter(property = PropertyNames.DOCKER_HOST)
    private String dockerHost;

    /**
     * The image name and tags, from the parameters or the top-level project's defaults: build and
     * verify resolve it the same way, in whichever module they run, so both mean the same image.
     *
     * @throws InvalidSettingException naming {@code imageName} or {@code tags}
     */
    ImageName imageName() throws InvalidSettingException {
        String repository = imageName == null || imageName.isBlank()
                ? ImageName.defaultRepository(owner().getArtifactId()) : imageName.strip();
        List<String> chosen = tags == null || tags.isEmpty() ? List.of(owner().getVersion(), "latest") : tags;
        return ImageName.of(repository, chosen);
    }

    /** The folder, plus the image repository: a module that names another image would make a second devcontainer. */
    @Override
    Map<String, String> identifyingSettings() {
        Map<String, String> settings = super.identifyingSettings();
        try {
            settings.put("imageName", imageName().repository());
        } catch (InvalidSettingException e) {
            // reported when the goal runs
        }
        return settings;
    }

    /**
     * @param idleBound how long a response may stay silent before the call fails (seconds matter:
     *     a build step that prints nothing for this long fails)
     */
    DockerConnection connect(Duration idleBound) throws DockerUnavailableException {
        return new DockerConnector().connect(dockerHost, idleBound);
    }
}
