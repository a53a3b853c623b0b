package io.github.dind.devcontainer.generate.render;

import java.util.regex.Pattern;

/**
 * Where a value tag stands, judged from the template's literal text before it on its line: inside a
 * double-quoted string (where the escapers' output is correct), in a comment, or elsewhere (where
 * only a value of plain word characters is safe). The line is lexed as its outermost context reads
 * it: JSON strings with their backslash escapes and {@code //} comments; shell and Dockerfile words
 * with {@code '...'}, {@code "..."}, backslash escapes and {@code #} comments (a Dockerfile comment
 * only at the start of a line). A tag whose line is not known from its start counts as elsewhere:
 * on the first line of a section body that opens mid-line (it may open inside quotes), and after a
 * section on the same line. Nesting ({@code $(...)} inside double quotes) is not
 * followed: a template that needs it writes the value as its own double-quoted word.
 */
enum QuotePosition {
    DOUBLE_QUOTED, COMMENT, ELSEWHERE;

    /** Values that mean the same in every position: image names, packages, users, paths, numbers. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/:@+=,~%-]*");

    /** Whether a value may be written here once escaped. */
    boolean allows(String value) {
        return switch (this) {
            case DOUBLE_QUOTED -> true;
            case COMMENT -> value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
            case ELSEWHERE -> PLAIN.matcher(value).matches();
        };
    }

    static QuotePosition of(String lineBefore, EscapeContext outer, Format format) {
        return outer == EscapeContext.JSON ? json(lineBefore) : shell(lineBefore, format);
    }

    private static QuotePosition json(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return COMMENT;
            }
        }
        return inString ? DOUBLE_QUOTED : ELSEWHERE;
    }

    private static QuotePosition shell(String line, Format format) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && startsComment(line, i, format)) {
                return COMMENT;
            }
        }
        return quote == '"' ? DOUBLE_QUOTED : ELSEWHERE;
    }

    private static boolean startsComment(String line, int at, Format format) {
        String before = line.substring(0, at);
        return format == Format.DOCKERFILE ? before.isBlank() : before.isEmpty() || Character.isWhitespace(before.charAt(at - 1));
    }
}
