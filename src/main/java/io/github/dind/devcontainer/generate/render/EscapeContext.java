package io.github.dind.devcontainer.generate.render;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a value stands in a generated file, and so how it is escaped there. A template names the
 * context with a suffix on the tag: {@code {{name.json}}}, {@code {{name.dockerfile}}},
 * {@code {{name.shell}}}; suffixes chain from the inside out, so {@code {{name.shell.json}}} is a
 * shell word inside a JSON string (a devcontainer.json command). Each escaper writes the body of a
 * double-quoted string: the template supplies the quotes.
 */
public enum EscapeContext {
    /** A JSON string (RFC 8259 section 7): devcontainer.json, a Dockerfile's exec-form array. */
    JSON("json", "a JSON string", Escapers::json),
    /**
     * A double-quoted Dockerfile word: LABEL, ENV, ARG, COPY, WORKDIR (moby/buildkit
     * frontend/dockerfile/shell/lex.go, processDoubleQuote).
     */
    DOCKERFILE("dockerfile", "a double-quoted Dockerfile word (LABEL, ENV)", Escapers::dockerfile),
    /** A double-quoted POSIX shell word: a RUN line, startup.sh, a command inside a JSON string. */
    SHELL("shell", "a double-quoted shell word (RUN, startup.sh)", Escapers::shell),
    /** What a bare {@code {{value}}} writes in a Dockerfile, where it may stand in a RUN line or a LABEL. */
    DOCKERFILE_OR_SHELL(null, "a double-quoted Dockerfile word or RUN-line shell word", Escapers::dockerfileOrShell);

    private final String tag;
    private final String description;
    private final UnaryOperator<String> escaper;

    EscapeContext(String tag, String description, UnaryOperator<String> escaper) {
        this.tag = tag;
        this.description = description;
        this.escaper = escaper;
    }

    /** The tag suffix that selects this context ({@code json} for {@code {{name.json}}}); empty for the bare tag's. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public String description() {
        return description;
    }

    /** @throws IllegalArgumentException when the value cannot be written safely in this context */
    public String escape(String value) {
        return escaper.apply(value);
    }

    static Optional<EscapeContext> ofTag(String suffix) {
        return Arrays.stream(values()).filter(c -> suffix.equals(c.tag)).findFirst();
    }
}
