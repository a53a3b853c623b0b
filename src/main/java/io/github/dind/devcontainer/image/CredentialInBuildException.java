package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.DevcontainerException;
import java.util.List;

/**
 * Build arguments that look like credentials, which the build refuses to send (see
 * {@link BuildArgSecrets}): names each argument and where it comes from, never its value.
 */
public final class CredentialInBuildException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    private final List<String> arguments;

    CredentialInBuildException(String message, List<String> arguments) {
        super(message);
        this.arguments = List.copyOf(arguments);
    }

    /** The refused arguments' names, in the order the message names them. */
    public List<String> arguments() {
        return arguments;
    }
}
