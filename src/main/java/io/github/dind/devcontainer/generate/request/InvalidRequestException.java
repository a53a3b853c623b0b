package io.github.dind.devcontainer.generate.request;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Printable;
import java.util.List;

/** One or more parameters broke their rules; nothing has been written. */
public final class InvalidRequestException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder("Invalid devcontainer configuration, nothing was written:");
        for (Violation v : violations) {
            text.append(System.lineSeparator()).append("  - ").append(v);
        }
        return text.toString();
    }

    /**
     * A parameter (its pom element name), or another element of the pom the value came from, the
     * offending value, and the rule it breaks.
     *
     * @param parameter the plugin parameter; null when the value is not one (then {@code subject} says what it is)
     * @param subject what holds the value when it is no parameter, e.g. a toolchain requirement of another plugin
     */
    public record Violation(String parameter, String subject, String value, String rule) {
        public Violation(String parameter, String value, String rule) {
            this(parameter, null, value, rule);
        }

        @Override
        public String toString() {
            return (parameter != null ? setting(parameter) : subject) + " " + Printable.quote(value) + " must be " + rule;
        }
    }
}
