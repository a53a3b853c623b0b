package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.DevcontainerException;

/** A template could not be found, read or rendered. */
public final class TemplateException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public TemplateException(String message) {
        super(message);
    }
}
