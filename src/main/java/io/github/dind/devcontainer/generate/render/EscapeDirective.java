package io.github.dind.devcontainer.generate.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile's {@code # escape=} parser directive: the Dockerfile escapers write {@code \} as
 * the escape character, so a template that switches it to a backtick would undo them. Parser
 * directives are the {@code # name=value} lines at the very top, before any blank line, comment or
 * instruction (docs.docker.com, Dockerfile reference, "Parser directives").
 */
final class EscapeDirective {
    private static final Pattern DIRECTIVE = Pattern.compile("#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*");

    private EscapeDirective() {
    }

    /** @throws IllegalArgumentException when the Dockerfile sets an escape character other than {@code \} */
    static void check(String dockerfile) {
        for (String line : dockerfile.lines().toList()) {
            Matcher directive = DIRECTIVE.matcher(line);
            if (!directive.matches()) {
                return;
            }
            if (directive.group(1).equalsIgnoreCase("escape") && !directive.group(2).equals("\\")) {
                throw new IllegalArgumentException("it sets the parser directive escape=" + directive.group(2)
                        + ", but values are escaped for the default escape character \\; remove the directive");
            }
        }
    }
}
