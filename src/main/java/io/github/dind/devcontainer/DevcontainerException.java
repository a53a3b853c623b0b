package io.github.dind.devcontainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every problem the plugin explains in its own words, with the data a front end needs to point at
 * the fix: the settings it concerns, the Docker host it talked to, the step that failed.
 *
 * <p>The core knows settings only by their parameter names. A message refers to one through
 * {@link #setting(String)}; the Maven front end renders that as the pom element and its {@code -D}
 * property, {@link #getMessage()} as the bare name. Nothing outside {@code mojo/} spells a property.
 */
public abstract class DevcontainerException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern SETTING = Pattern.compile("\u2039([A-Za-z0-9.]+)\u203a");

    private final String template;
    private String host;
    private String step;

    protected DevcontainerException(String message, Throwable cause) {
        super(render(message, name -> name), cause);
        this.template = message;
    }

    protected DevcontainerException(String message) {
        this(message, null);
    }

    /** How a message names a setting (a plugin parameter), e.g. {@code setting("imageName")}. */
    public static String setting(String parameter) {
        return "\u2039" + parameter + "\u203a";
    }

    /** The message with every setting written by {@code renderer} (given the parameter name). */
    public String message(UnaryOperator<String> renderer) {
        return render(template, renderer);
    }

    /** The parameters the message names, in order of first mention. */
    public List<String> settings() {
        List<String> names = new ArrayList<>();
        Matcher m = SETTING.matcher(template);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
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

    private static String render(String template, UnaryOperator<String> renderer) {
        if (template == null) {
            return null;
        }
        Matcher m = SETTING.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(renderer.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
