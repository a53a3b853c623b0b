package io.github.dind.devcontainer;

import io.github.dind.devcontainer.DevcontainerException;

/** Verification could not start: no image, or the daemon would not run the container. */
public final class VerificationException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
