package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.DevcontainerException;

/**
 * A push did not happen: the registry refused the login, could not be reached, speaks plain HTTP to
 * an engine that does not trust it, the image is not built, or Maven runs offline.
 */
public final class PushException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public PushException(String message, Throwable cause) {
        super(message, cause);
    }
}
