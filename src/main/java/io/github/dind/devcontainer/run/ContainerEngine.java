package io.github.dind.devcontainer.run;

import io.github.dind.devcontainer.run.ClientLaunch;
import io.github.dind.devcontainer.devcontainer.ImageConfig;
import java.util.Optional;

/**
 * The Docker daemon as verify uses it: read an image's config, start a container the way a
 * devcontainer client does, clean up what earlier runs left. {@link DockerEngine} is the real one;
 * everything it creates is tracked by a {@link ResourceTracker} until {@link #close()}.
 */
public interface ContainerEngine extends AutoCloseable {
    /** The daemon's address and where it came from, for messages. */
    String host();

    /**
     * @throws ImageNotFoundException when the daemon has no such image
     * @throws ContainerEngineException when the daemon fails otherwise
     */
    ImageConfig inspectImage(String image) throws ContainerEngineException;

    /**
     * The image's history, environment and labels: what a registry publishes with it.
     *
     * @throws ImageNotFoundException when the daemon has no such image
     * @throws ContainerEngineException when the daemon fails otherwise
     */
    ImageSurface imageSurface(String image) throws ContainerEngineException;

    /**
     * What about the engine can change a verify verdict, on one line: the engine's version, its
     * storage driver and driver status (the containerd image store shows there), cgroup version and
     * driver, kernel, operating system, architecture and security options (from {@code docker info},
     * {@code GET /info}), and the driver, options (the MTU among them) and subnets of the network the
     * devcontainer joins ({@code GET /networks/NAME}; absent networks say so).
     *
     * @param network the network from the runArgs; null for the default bridge
     * @throws ContainerEngineException when the daemon does not answer
     */
    String describeEngine(String network) throws ContainerEngineException;

    /**
     * Creates fresh labelled volumes and the container, and starts it. On failure everything created
     * for it is removed before the exception leaves.
     *
     * @param namePrefix the container's name is this, a dash and eight hex digits
     * @param keep leave the container and its volumes after {@link Container#close()}, labelled as kept
     * @throws ContainerEngineException saying why the daemon would not start it
     */
    Container launch(ClientLaunch launch, String namePrefix, boolean keep) throws ContainerEngineException;

    /**
     * Why this run was told to stop (the JVM shuts down: "SIGINT", "SIGTERM"; see
     * {@link ResourceTracker#stoppedBy()}); empty while it may go on.
     */
    default Optional<String> stoppedBy() {
        return Optional.empty();
    }

    /** Removes what runs killed outright left behind; reports, never throws. @return how many were removed */
    int sweepLeftovers();

    /** Removes whatever this engine created and still holds (unless kept). */
    @Override
    void close();
}
