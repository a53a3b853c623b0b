package io.github.dind.devcontainer.devcontainer.features;

/**
 * A Feature named in devcontainer.json cannot be used: it cannot be found or read, an option is
 * unknown or of the wrong type, its dependencies form a cycle, or its kind is not supported. The
 * message names the Feature (as devcontainer.json writes it) and what to change.
 */
public final class FeatureException extends Exception {
    public FeatureException(String message) {
        super(message);
    }

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
