package io.github.dind.devcontainer.image.offline;

import io.github.dind.devcontainer.DevcontainerException;

/** The offline repository could not be made: the project's build failed in the image, took too long, or could not run. */
public final class OfflineRepositoryException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public OfflineRepositoryException(String message) {
        super(message);
    }

    public OfflineRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isFailure() {
        return true;
    }
}
