package io.github.dind.devcontainer.image.context;

/**
 * The syntax check Go's {@code path/filepath.Match} applies on Unix (Go 1.16 and later check the
 * whole pattern), which moby's {@code patternmatcher.New} runs on every {@code .dockerignore}
 * pattern: a {@code \} needs a character after it, and a {@code [...]} class holds at least one
 * character or range, none starting with {@code -} or {@code ]} unescaped, and is closed.
 */
final class GoMatchSyntax {
    private GoMatchSyntax() {
    }

    /** @throws IllegalArgumentException with Go's wording ("syntax error in pattern") when malformed */
    static void check(String pattern) {
        int[] chars = pattern.codePoints().toArray();
        int i = 0;
        while (i < chars.length) {
            if (chars[i] == '\\') {
                i += 2;
                if (i > chars.length) {
                    throw bad(pattern);
                }
            } else if (chars[i] == '[') {
                i = checkClass(pattern, chars, i + 1);
            } else {
                i++;
            }
        }
    }

    private static int checkClass(String pattern, int[] chars, int start) {
        int i = start;
        if (i < chars.length && chars[i] == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < chars.length && chars[i] == ']' && ranges > 0) {
                return i + 1;
            }
            i = escapedChar(pattern, chars, i);
            if (chars[i] == '-') {
                i = escapedChar(pattern, chars, i + 1);
            }
            ranges++;
        }
    }

    /** Go's {@code getEsc}: one possibly escaped character, which must not end the pattern. */
    private static int escapedChar(String pattern, int[] chars, int start) {
        int i = start;
        if (i >= chars.length || chars[i] == '-' || chars[i] == ']') {
            throw bad(pattern);
        }
        if (chars[i] == '\\') {
            i++;
            if (i >= chars.length) {
                throw bad(pattern);
            }
        }
        i++;
        if (i >= chars.length) {
            throw bad(pattern);
        }
        return i;
    }

    private static IllegalArgumentException bad(String pattern) {
        return new IllegalArgumentException("syntax error in pattern " + pattern);
    }
}
