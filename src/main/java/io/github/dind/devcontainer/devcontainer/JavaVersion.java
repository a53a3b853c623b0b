package io.github.dind.devcontainer.devcontainer;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java feature version as Maven projects, toolchains.xml and devcontainer.json's customizations
 * write it: {@code 17}, {@code 1.8} (that is 8), {@code 21.0.2}.
 */
public final class JavaVersion {
    private static final Pattern VERSION = Pattern.compile("(?:1\\.)?([1-9][0-9]?)(?:\\.[0-9]+)*");

    private JavaVersion() {
    }

    /** The feature version; empty for anything else (an unresolved {@code ${property}}, a blank, null). */
    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
