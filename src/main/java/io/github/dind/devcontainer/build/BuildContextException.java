package io.github.dind.devcontainer.build;

/** There is nothing to build: no context directory, no Dockerfile, or the Dockerfile is outside the context. */
public final class BuildContextException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildContextException(String message) {
        super(message);
    }
}
