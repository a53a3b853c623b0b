package io.github.dind.devcontainer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the core names a plugin parameter in a message or a log line without knowing Maven's
 * vocabulary: {@link #ref(String)} marks the parameter's name, and the front end renders each mark
 * ({@code <imageName>} and its {@code -D} property in Maven; the bare name anywhere else).
 */
public final class Setting {
    private static final Pattern MARK = Pattern.compile("\u2039([A-Za-z0-9.]+)(?:=([^\u203a]*))?\u203a");

    private Setting() {
    }

    /** A mark for the parameter {@code parameter}, e.g. {@code ref("imageName")}. */
    public static String ref(String parameter) {
        return "\u2039" + parameter + "\u203a";
    }

    /**
     * A mark for the parameter set to a value, as a user would type it to fix something, e.g.
     * {@code assign("pull", "missing")}: Maven renders {@code -Ddevcontainer.build.pull=missing}.
     */
    public static String assign(String parameter, String value) {
        return "\u2039" + parameter + "=" + value + "\u203a";
    }

    /** What a front end does with a mark: given the parameter and the value (null for a plain mention). */
    @FunctionalInterface
    public interface Renderer {
        String render(String parameter, String value);
    }

    /** The text with every mark rendered; null stays null. */
    public static String render(String text, Renderer renderer) {
        if (text == null) {
            return null;
        }
        Matcher m = MARK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(renderer.render(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text with each mark as the bare parameter name (and {@code name=value} for an assignment). */
    public static String plain(String text) {
        return render(text, (parameter, value) -> value == null ? parameter : parameter + "=" + value);
    }

    /** The parameters a text marks, in order of first mention. */
    public static List<String> mentioned(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = MARK.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Convenience for a renderer that ignores values. */
    public static Renderer names(UnaryOperator<String> byName) {
        return (parameter, value) -> value == null ? byName.apply(parameter) : byName.apply(parameter) + "=" + value;
    }
}
