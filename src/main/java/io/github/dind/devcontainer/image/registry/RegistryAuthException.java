package io.github.dind.devcontainer.image.registry;

import io.github.dind.devcontainer.DevcontainerException;

/** Credentials for a registry could not be read: a broken {@code config.json} or a failing credential helper. */
public final class RegistryAuthException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public RegistryAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
