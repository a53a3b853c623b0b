package io.github.dind.devcontainer.generate.render;

import java.util.Set;

/**
 * An output file format: how a comment line starts, what a bare {@code {{value}}} is escaped for,
 * which contexts a tag may end in, and what the file as a whole forbids in any value.
 */
public enum Format {
    /** A bare value may stand in a RUN line or a LABEL; exec-form arrays are JSON. */
    DOCKERFILE("#", EscapeContext.DOCKERFILE_OR_SHELL,
            Set.of(EscapeContext.DOCKERFILE, EscapeContext.SHELL, EscapeContext.JSON)),
    SHELL("#", EscapeContext.SHELL, Set.of(EscapeContext.SHELL)),
    /** devcontainer.json is JSONC: line comments are allowed. */
    JSON("//", EscapeContext.JSON, Set.of(EscapeContext.JSON)),
    /** .gitattributes: fixed content; no tag may stand in it (a pattern cannot be quoted safely). */
    GITATTRIBUTES("#", EscapeContext.SHELL, Set.of()),
    /** .gitignore, .dockerignore: fixed content; no tag may stand in it (a pattern cannot be quoted safely). */
    IGNORE("#", EscapeContext.SHELL, Set.of()),
    /**
     * A list, one value a line (preload/images.txt): a bare value is escaped as for the shell and may
     * hold no line break, so each stays one line; the values written are validated image references.
     */
    LIST("#", EscapeContext.SHELL, Set.of(EscapeContext.SHELL)),
    /** A Windows batch file: fixed content; no tag may stand in it (cmd.exe has no safe quoting). */
    BATCH("@rem", EscapeContext.SHELL, Set.of());

    private final String commentPrefix;
    private final EscapeContext bare;
    private final Set<EscapeContext> outermost;

    Format(String commentPrefix, EscapeContext bare, Set<EscapeContext> outermost) {
        this.commentPrefix = commentPrefix;
        this.bare = bare;
        this.outermost = outermost;
    }

    public String commentPrefix() {
        return commentPrefix;
    }

    /** The context of a bare {@code {{value}}} in this format. */
    public EscapeContext bareContext() {
        return bare;
    }

    /** Whether a tag's last (outermost) context can stand directly in this file. */
    public boolean accepts(EscapeContext outer) {
        return outermost.contains(outer);
    }

    /** Escapes for a bare {@code {{value}}}. @throws IllegalArgumentException when it cannot be written here */
    public String escape(String value) {
        return finish(value, bare.escape(value));
    }

    /**
     * The file-wide rules, applied to the value and its escaped form: no line break may reach a
     * Dockerfile line (it would end the instruction; only the shell context keeps one), and no
     * {@code ${} may reach devcontainer.json, whose clients substitute {@code ${localEnv:...}} and
     * the like in every string (containers.dev, "Variables in devcontainer.json"), escapes or not.
     *
     * @throws IllegalArgumentException when the value breaks one
     */
    String finish(String value, String escaped) {
        if (this == DOCKERFILE && (escaped.indexOf('\n') >= 0 || escaped.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a line break would end the Dockerfile instruction");
        }
        if (this == LIST && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a line break would make two entries of the list");
        }
        if (this == JSON && value.contains("${")) {
            throw new IllegalArgumentException("\"${\" would be substituted as a variable by devcontainer clients");
        }
        return escaped;
    }
}
