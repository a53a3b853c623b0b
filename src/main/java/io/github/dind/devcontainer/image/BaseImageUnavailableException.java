package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.DevcontainerException;

/** A base image is not on the daemon and could not, or may not, be pulled. */
public final class BaseImageUnavailableException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public BaseImageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
