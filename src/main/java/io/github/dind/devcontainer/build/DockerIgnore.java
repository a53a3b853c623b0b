package io.github.dind.devcontainer.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, matched as Docker matches them (moby's patternmatcher):
 * Go {@code filepath.Match} syntax plus {@code **}; a pattern that matches a parent directory
 * excludes everything below it; {@code !} re-includes; the last matching line wins; {@code #}
 * starts a comment line; a leading {@code /} is the context root.
 */
public final class DockerIgnore {
    private record Rule(Pattern pattern, boolean exclusion) {
        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    public static DockerIgnore parse(String content) {
        List<Rule> rules = new ArrayList<>();
        for (String line : content.split("\\R")) {
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclusion = pattern.startsWith("!");
            if (exclusion) {
                pattern = pattern.substring(1).strip();
            }
            if (pattern.isEmpty()) {
                continue;
            }
            pattern = clean(pattern);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            rules.add(new Rule(Pattern.compile(toRegex(pattern)), exclusion));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether any rule re-includes paths ({@code !pattern}); without one, an excluded directory can be skipped whole. */
    public boolean hasExclusions() {
        return rules.stream().anyMatch(Rule::exclusion);
    }

    /** Whether the path (relative to the context, {@code /}-separated) is left out of the context. */
    public boolean excludes(String path) {
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
        String[] parentDirs = parent.split("/");
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.exclusion() != matched) {
                continue;
            }
            boolean match = rule.matches(path);
            if (!match && !".".equals(parent)) {
                StringBuilder prefix = new StringBuilder();
                for (String dir : parentDirs) {
                    if (prefix.length() > 0) {
                        prefix.append('/');
                    }
                    prefix.append(dir);
                    if (rule.matches(prefix.toString())) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                matched = !rule.exclusion();
            }
        }
        return matched;
    }

    /** Go's {@code filepath.Clean} for {@code /}-separated paths. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || ".".equals(part)) {
                continue;
            }
            if ("..".equals(part)) {
                if (!parts.isEmpty() && !"..".equals(parts.peekLast())) {
                    parts.removeLast();
                } else if (!absolute) {
                    parts.addLast(part);
                }
            } else {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The translation moby's patternmatcher makes from a pattern to a regular expression. */
    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int[] chars = pattern.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            int ch = chars[i];
            if (ch == '*') {
                if (i + 1 < chars.length && chars[i + 1] == '*') {
                    i++;
                    if (i + 1 < chars.length && chars[i + 1] == '/') {
                        i++;
                    }
                    regex.append(i + 1 >= chars.length ? ".*" : "(.*/)?");
                } else {
                    regex.append("[^/]*");
                }
            } else if (ch == '?') {
                regex.append("[^/]");
            } else if (".+()|{}$^".indexOf(ch) >= 0) {
                regex.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (i + 1 < chars.length) {
                    regex.append(Pattern.quote(new String(Character.toChars(chars[++i]))));
                } else {
                    regex.append("\\\\");
                }
            } else if (ch == '[' || ch == ']') {
                regex.appendCodePoint(ch);
            } else {
                regex.appendCodePoint(ch);
            }
        }
        return regex.toString();
    }
}
