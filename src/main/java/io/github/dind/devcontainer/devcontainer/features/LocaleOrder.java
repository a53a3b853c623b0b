package io.github.dind.devcontainer.devcontainer.features;

import java.util.Comparator;

/**
 * JavaScript's {@code a.localeCompare(b)} as Node.js runs it (ICU, the CLDR root collation), for the
 * ASCII strings Feature ids and paths are made of: punctuation before digits before letters, letters
 * compared without case first, then lower case before upper case (CLDR root, "allkeys_CLDR.txt";
 * the variable characters are not ignored). devcontainers/cli sorts each install round with it
 * (containerFeaturesOrder.ts {@code compareTo}). Other characters compare by code point after ASCII.
 */
final class LocaleOrder implements Comparator<String> {
    static final LocaleOrder INSTANCE = new LocaleOrder();

    /** ASCII punctuation and symbols in CLDR root order; whitespace comes first, then these. */
    private static final String PUNCTUATION = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

    private LocaleOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int primary = compareBy(a, b, LocaleOrder::primary);
        if (primary != 0) {
            return primary;
        }
        // tertiary: at the first difference of case, lower case first
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Character.isLowerCase(x) ? -1 : Character.isLowerCase(y) ? 1 : Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareBy(String a, String b, java.util.function.IntUnaryOperator weight) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            int c = Integer.compare(weight.applyAsInt(a.charAt(i)), weight.applyAsInt(b.charAt(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int primary(int c) {
        if (Character.isWhitespace(c)) {
            return c;
        }
        int punctuation = PUNCTUATION.indexOf(c);
        if (punctuation >= 0) {
            return 100 + punctuation;
        }
        if (c >= '0' && c <= '9') {
            return 200 + c;
        }
        if (Character.isLetter(c) && c < 128) {
            return 300 + Character.toLowerCase(c);
        }
        return 1000 + c;
    }
}
