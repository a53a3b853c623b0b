package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.DevcontainerException;

/**
 * Verify was stopped (Ctrl-C, SIGTERM) before its checks were done: no verdict either way. Not a
 * {@linkplain #isFailure() failure} of the image; the message says what stopped it and where.
 */
public final class VerificationInterruptedException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public VerificationInterruptedException(String message) {
        super(message);
    }
}
