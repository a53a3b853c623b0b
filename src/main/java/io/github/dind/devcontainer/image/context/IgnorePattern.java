package io.github.dind.devcontainer.image.context;

import java.util.regex.Pattern;

/**
 * One cleaned {@code .dockerignore} pattern, matched exactly as moby's patternmatcher matches it
 * (github.com/moby/patternmatcher, patternmatcher.go: {@code Pattern.compile} and {@code match}):
 * a pattern without wildcards compares as text, {@code dir/**} as a prefix, {@code **}{@code /name}
 * and {@code **name} as a suffix, anything else as a regular expression in which {@code *} and
 * {@code ?} stop at {@code /} and {@code **} crosses it.
 *
 * <p>The syntax is Go's {@code filepath.Match}, checked when the pattern is created, as
 * {@code patternmatcher.New} does. Where moby copies pattern text into a Go regular expression
 * verbatim, this class gives {@code filepath.Match}'s meaning instead: inside {@code [...]},
 * {@code *} and {@code ?} are literal, and {@code \d}, {@code \w}, {@code \b} ... are the escaped
 * letters, not Perl classes. Nobody writes those on purpose; every pattern in moby's own test table
 * matches as in moby.
 */
final class IgnorePattern {
    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEX }

    private final String cleaned;
    private final boolean exclusion;
    private final MatchType type;
    private final Pattern regex;

    /**
     * @param cleaned the pattern after {@code filepath.Clean}, without its {@code !}
     * @throws IllegalArgumentException when {@code filepath.Match} would call it malformed
     */
    IgnorePattern(String cleaned, boolean exclusion) {
        GoMatchSyntax.check(cleaned);
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        StringBuilder regexText = new StringBuilder();
        MatchType detected = MatchType.EXACT;
        int[] chars = cleaned.codePoints().toArray();
        for (int i = 0, step = 0; i < chars.length; i++, step++) {
            int ch = chars[i];
            if (ch == '*' && i + 1 < chars.length && chars[i + 1] == '*') {
                i++;
                if (i + 1 < chars.length && chars[i + 1] == '/') {
                    i++;
                }
                if (i + 1 >= chars.length) {
                    if (detected == MatchType.EXACT) {
                        detected = MatchType.PREFIX;
                    } else {
                        regexText.append(".*");
                        detected = MatchType.REGEX;
                    }
                } else {
                    regexText.append("(?:.*/)?");
                    detected = MatchType.REGEX;
                }
                if (step == 0) {
                    detected = MatchType.SUFFIX;
                }
            } else if (ch == '*') {
                regexText.append("[^/]*");
                detected = MatchType.REGEX;
            } else if (ch == '?') {
                regexText.append("[^/]");
                detected = MatchType.REGEX;
            } else if (ch == '\\') {
                regexText.append(literal(chars[++i]));
                detected = MatchType.REGEX;
            } else if (ch == '[') {
                i = characterClass(chars, i, regexText);
                detected = MatchType.REGEX;
            } else {
                regexText.append(literal(ch));
            }
        }
        this.type = detected;
        this.regex = detected == MatchType.REGEX ? Pattern.compile(regexText.toString(), Pattern.UNIX_LINES) : null;
    }

    private IgnorePattern(String path, boolean exclusion, MatchType type) {
        this.cleaned = path;
        this.exclusion = exclusion;
        this.type = type;
        this.regex = null;
    }

    /**
     * A pattern that matches this one path as written, wildcard characters included: what the CLI's
     * {@code "!" + dockerfile} means for every name without them, and safe for a name with them.
     */
    static IgnorePattern literal(String path, boolean exclusion) {
        return new IgnorePattern(path, exclusion, MatchType.EXACT);
    }

    /** Translates {@code [...]} starting at {@code start}; returns the index of its closing {@code ]}. */
    private static int characterClass(int[] chars, int start, StringBuilder out) {
        int i = start + 1;
        out.append('[');
        if (chars[i] == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (first || chars[i] != ']') {
            first = false;
            if (chars[i] == '\\') {
                i++;
            }
            out.append(literal(chars[i++]));
            if (chars[i] == '-') {
                i++;
                if (chars[i] == '\\') {
                    i++;
                }
                out.append('-').append(literal(chars[i++]));
            }
        }
        out.append(']');
        return i;
    }

    private static String literal(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    /** How the pattern compares: EXACT, PREFIX, SUFFIX or REGEX (patternmatcher's {@code matchType}). */
    String matchType() {
        return type.name();
    }

    /** The regular expression of a REGEX pattern, else null. */
    Pattern regex() {
        return regex;
    }

    boolean exclusion() {
        return exclusion;
    }

    /** The cleaned pattern, without {@code !}: patternmatcher's {@code Pattern.String()}. */
    String text() {
        return cleaned;
    }

    /** Whether the pattern matches this {@code /}-separated path (not its parents). */
    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                yield path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }
}
