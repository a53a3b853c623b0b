package io.github.dind.devcontainer.generate.render;

/**
 * One escaper per output format. Each makes a value safe between the double quotes of its format;
 * a value that cannot be made safe there is rejected with an {@link IllegalArgumentException}.
 * (mustache.java's default escaper is for HTML, which is wrong for all three.)
 */
public final class Escapers {
    private Escapers() {
    }

    /**
     * A JSON string body (RFC 8259 section 7): quote, backslash and every control character are
     * escaped; U+2028 and U+2029 too, so the file also stays valid JavaScript.
     */
    public static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The body of a double-quoted Dockerfile word (LABEL, ENV). Docker's word lexer treats
     * {@code \"}, {@code \$} and {@code \\} as escapes inside double quotes and expands
     * {@code $VAR}; a line break would end the instruction, so it is rejected.
     */
    public static String dockerfile(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == 0) {
                throw new IllegalArgumentException("a line break or NUL cannot be written into a Dockerfile");
            }
            if (c == '"' || c == '$' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The body of a double-quoted word that is safe both as a Dockerfile word (LABEL, ENV) and as a
     * shell word (a RUN line is handed to {@code /bin/sh -c} without Docker's word processing):
     * what a bare {@code {{value}}} in a Dockerfile writes, since the renderer cannot tell the two
     * positions apart. The two rules agree on {@code \"}, {@code \$} and {@code \\}; they disagree
     * on the backtick (a shell runs it, Docker keeps {@code \`} as two characters), so a backtick
     * is rejected here: {@link #shell} or {@link #dockerfile} carry it where the position is known.
     */
    public static String dockerfileOrShell(String value) {
        if (value.indexOf('`') >= 0) {
            throw new IllegalArgumentException("a backtick means something different in a RUN line and in"
                    + " a LABEL or ENV value");
        }
        return dockerfile(value);
    }

    /**
     * The body of a double-quoted POSIX shell word: inside double quotes only {@code $},
     * {@code `}, {@code "} and {@code \} are special, and a backslash escapes each of them.
     * NUL cannot be passed to a shell at all.
     */
    public static String shell(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("NUL cannot be written into a shell script");
            }
            if (c == '"' || c == '$' || c == '`' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
