package io.github.dind.devcontainer.image.context;

import java.util.ArrayList;
import java.util.List;

/**
 * moby's {@code ignorefile.ReadAll} (github.com/moby/patternmatcher, ignorefile/ignorefile.go): the
 * lines of a {@code .dockerignore} file as patterns. A UTF-8 byte order mark is dropped, {@code #}
 * lines are comments, white space around a pattern (and after {@code !}) is trimmed, the pattern is
 * cleaned ({@code filepath.Clean}) and a leading {@code /} dropped.
 */
final class IgnoreFile {
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private IgnoreFile() {
    }

    /** A pattern as read from the file, and the line it is on (from 1). */
    record Line(int number, String pattern) {
    }

    /** The patterns of a {@code .dockerignore} file, as {@code ignorefile.ReadAll} returns them. */
    static List<Line> read(String content) {
        String[] lines = content.split("\n", -1);
        List<Line> read = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (n == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            String pattern = readLine(line);
            if (pattern != null) {
                read.add(new Line(n + 1, pattern));
            }
        }
        return read;
    }

    /** One line as {@code ignorefile.ReadAll} reads it; null for a comment or blank line. */
    private static String readLine(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        String pattern = trimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPath.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return invert ? "!" + pattern : pattern;
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space ({@code unicode.IsSpace}) at both ends. */
    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85 || Character.isSpaceChar(c);
    }
}
