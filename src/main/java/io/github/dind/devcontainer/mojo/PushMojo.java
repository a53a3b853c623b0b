package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.image.ImageName;
import io.github.dind.devcontainer.image.ImagePusher;
import io.github.dind.devcontainer.image.PushException;
import io.github.dind.devcontainer.docker.DockerConnection;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes the tags {@code build} made ({@code imageName} and {@code tags}) to their registry through
 * the Docker API, logging each layer and a summary (digest, size, time). The login is a
 * {@code settings.xml} {@code <server>} whose id is the registry host (encrypted passwords welcome),
 * else the docker CLI's {@code config.json} and its credential helpers. Offline Maven does not push.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractDockerMojo {
    /** Seconds each tag's push may take. */
    @Parameter(property = PropertyNames.PUSH_TIMEOUT, defaultValue = "1800")
    private int timeout;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.PUSH_SKIP, defaultValue = "false")
    private boolean skipPush;

    @Override
    String goal() {
        return "push";
    }

    @Override
    List<SkipFlag> goalSkipFlags() {
        return List.of(new SkipFlag(PropertyNames.PUSH_SKIP, skipPush));
    }

    @Override
    void run() throws DevcontainerException {
        if (timeout < 1) {
            throw new InvalidSettingException("timeout", timeout, "must be at least 1 (seconds)");
        }
        ImageName image = imageName();
        if (session.isOffline()) {
            throw new PushException("Maven runs offline (-o): devcontainer:push does not reach the registry of "
                    + image.primary() + ". Run without -o, or skip the push with "
                    + Setting.assign("skipPush", "true") + ".", null);
        }
        Duration limit = Duration.ofSeconds(timeout);
        try (DockerConnection docker = connect(limit)) {
            getLog().debug("Using " + docker.describe());
            new ImagePusher(docker, console(), credentials()).push(image, limit);
        }
    }
}
