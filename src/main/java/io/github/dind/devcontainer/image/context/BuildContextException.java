package io.github.dind.devcontainer.image.context;

import io.github.dind.devcontainer.DevcontainerException;

/** There is nothing to build: no context directory, no Dockerfile, or the Dockerfile is outside the context. */
public final class BuildContextException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public BuildContextException(String message) {
        super(message);
    }

    public BuildContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
