package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.DevcontainerException;

/** No Docker daemon answered where the plugin looked. */
public final class DockerUnavailableException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
