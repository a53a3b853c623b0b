package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.DevcontainerException;

/** The devcontainer's files could not be written into the project. */
public final class ProjectFilesException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public ProjectFilesException(String message, Throwable cause) {
        super(message, cause);
    }
}
