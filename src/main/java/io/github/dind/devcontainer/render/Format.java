package io.github.dind.devcontainer.render;

import java.util.function.UnaryOperator;

/** An output file format: how a value is escaped in it and how a comment line starts. */
public enum Format {
    DOCKERFILE("#", Escapers::dockerfile),
    SHELL("#", Escapers::shell),
    /** devcontainer.json is JSONC: line comments are allowed. */
    JSON("//", Escapers::json),
    /** .gitattributes: fixed content, no values go in (a pattern cannot be quoted safely). */
    GITATTRIBUTES("#", value -> {
        throw new IllegalArgumentException("a .gitattributes template takes no values");
    });

    private final String commentPrefix;
    private final UnaryOperator<String> escaper;

    Format(String commentPrefix, UnaryOperator<String> escaper) {
        this.commentPrefix = commentPrefix;
        this.escaper = escaper;
    }

    public String commentPrefix() {
        return commentPrefix;
    }

    public String escape(String value) {
        return escaper.apply(value);
    }
}
