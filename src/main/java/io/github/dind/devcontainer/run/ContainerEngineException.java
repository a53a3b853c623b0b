package io.github.dind.devcontainer.run;

import io.github.dind.devcontainer.DevcontainerException;

/** The daemon refused or failed a container operation; carries the host it talked to. */
public class ContainerEngineException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public ContainerEngineException(String message, String host, Throwable cause) {
        super(message, cause);
        withHost(host);
    }
}
