package io.github.dind.devcontainer.image.features.oci;

/**
 * A registry could not give what was asked: unreachable, untrusted, refused the login, did not know
 * the name, answered too slowly or too much. The message is the reason and its fix, without the
 * Feature, which the caller names.
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
