package io.github.dind.devcontainer.run;

/** A container operation failed: the container is gone, an exec timed out, the daemon refused. */
public final class ContainerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
