package io.github.dind.devcontainer.docker;

/** No Docker daemon answered where the plugin looked. */
public final class DockerUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
