package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;

/**
 * A call the Docker daemon answered with an error, or that broke off, outside the cases the plugin
 * explains more precisely: names what was being done, the daemon's reason and the host.
 */
public final class DockerCallException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    /**
     * @param action what the plugin was doing, as a phrase: {@code "tag the image app:1.0"}
     * @param host the daemon, as {@link DockerConnection#where()} names it
     * @param cause docker-java's exception
     */
    public DockerCallException(String action, String host, RuntimeException cause) {
        super("The Docker daemon at " + host + " failed to " + action + ": " + Errors.rootMessage(cause), cause);
        withHost(host);
    }
}
