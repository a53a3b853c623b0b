package io.github.dind.devcontainer.generate.render;

/**
 * A value cannot be written safely where a template puts it. Unchecked, to travel through
 * mustache.java; {@link Renderer} turns it into a {@link TemplateException}.
 */
final class UnsafeValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsafeValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
