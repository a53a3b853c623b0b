package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.DevcontainerException;

/** {@code requirePinnedBase}: a {@code FROM} names a registry image without a digest. */
public final class FloatingBaseException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    FloatingBaseException(String message) {
        super(message);
    }

    /** The build's own rule failed, not its environment: a build failure. */
    @Override
    public boolean isFailure() {
        return true;
    }
}
