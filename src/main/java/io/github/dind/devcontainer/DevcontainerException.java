package io.github.dind.devcontainer;

import java.util.List;
import java.util.Optional;

/**
 * Every problem the plugin explains in its own words, with the data a front end needs to point at
 * the fix: the settings it concerns, the Docker host it talked to, the step that failed.
 *
 * <p>The core knows settings only by their parameter names. A message marks one with
 * {@link #setting(String)} (or {@link Setting#assign}); the Maven front end renders the mark as the
 * pom element and its {@code -D} property, {@link #getMessage()} as the bare name. Nothing outside
 * {@code mojo/} spells a property.
 */
public abstract class DevcontainerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String template;
    private volatile String rendered;
    private String host;
    private String step;

    protected DevcontainerException(String message, Throwable cause) {
        super(Setting.plain(message), cause);
        this.template = message;
    }

    protected DevcontainerException(String message) {
        this(message, null);
    }

    /** How a message names a setting (a plugin parameter), e.g. {@code setting("imageName")}. */
    public static String setting(String parameter) {
        return Setting.ref(parameter);
    }

    /** The message with every setting rendered by {@code renderer}. */
    public String message(Setting.Renderer renderer) {
        return Setting.render(template, renderer);
    }

    /**
     * Renders the settings for a front end once and for all: from now on {@link #getMessage()} reads
     * as the user saw it (in a stack trace too).
     *
     * @return the rendered message
     */
    public String renderSettings(Setting.Renderer renderer) {
        rendered = message(renderer);
        return rendered;
    }

    @Override
    public String getMessage() {
        return rendered != null ? rendered : super.getMessage();
    }

    /** The parameters the message names, in order of first mention. */
    public List<String> settings() {
        return Setting.mentioned(template);
    }

    /**
     * True when the thing the plugin checks failed (a build step, a verify check): Maven reports a
     * build failure. False for a problem of configuration or environment: Maven reports an error.
     */
    public boolean isFailure() {
        return false;
    }

    /** The Docker host (and where its address came from) the problem concerns, when it concerns one. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The step of the work that failed (a Dockerfile step, a check id), when known. */
    public Optional<String> step() {
        return Optional.ofNullable(step);
    }

    /** Records the Docker host; returns this exception for chaining. */
    public DevcontainerException withHost(String dockerHost) {
        this.host = dockerHost;
        return this;
    }

    /** Records the failed step; returns this exception for chaining. */
    public DevcontainerException withStep(String failedStep) {
        this.step = failedStep;
        return this;
    }
}
