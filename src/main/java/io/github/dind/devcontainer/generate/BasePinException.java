package io.github.dind.devcontainer.generate;

import io.github.dind.devcontainer.DevcontainerException;

/** The pins were asked to be updated ({@code updatePins}) and could not be. */
public final class BasePinException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public BasePinException(String message, Throwable cause) {
        super(message, cause);
    }
}
