package io.github.dind.devcontainer.image.context;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file, read and matched as the docker CLI's classic builder
 * does: lines as moby's {@code ignorefile.ReadAll} reads them ({@link IgnoreFile}), patterns as
 * {@code patternmatcher} matches them ({@link IgnorePattern}); a pattern that matches a
 * parent directory excludes everything below it, {@code !} re-includes, the last matching line wins.
 */
public final class DockerIgnore {
    private final List<IgnorePattern> patterns;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /**
     * Reads a {@code .dockerignore} file's content.
     *
     * @throws IllegalArgumentException for a pattern the docker CLI refuses too: a lone {@code !},
     *     or a malformed one ("syntax error in pattern ..."), naming its line
     */
    public static DockerIgnore parse(String content) {
        List<IgnorePattern> patterns = new ArrayList<>();
        for (IgnoreFile.Line line : IgnoreFile.read(content)) {
            try {
                compile(line.pattern(), patterns);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line.number() + ": " + e.getMessage(), e);
            }
        }
        return new DockerIgnore(patterns);
    }

    /** {@code patternmatcher.New} for already-read patterns (no comments, no byte order mark). */
    static DockerIgnore of(List<String> patterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        patterns.forEach(p -> compile(p, compiled));
        return new DockerIgnore(compiled);
    }

    /** One pattern as {@code patternmatcher.New} takes it. */
    private static void compile(String raw, List<IgnorePattern> into) {
        String pattern = IgnoreFile.trimSpace(raw);
        if (pattern.isEmpty()) {
            return;
        }
        pattern = GoPath.clean(pattern);
        boolean exclusion = pattern.charAt(0) == '!';
        if (exclusion) {
            if (pattern.length() == 1) {
                throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            }
            pattern = pattern.substring(1);
        }
        into.add(new IgnorePattern(pattern, exclusion));
    }

    /**
     * These rules plus {@code !path} at the end, so the path is always sent: what the docker CLI
     * does for the Dockerfile and {@code .dockerignore} (cli/command/image/build/dockerignore.go,
     * {@code TrimBuildFilesFromExcludes}). The CLI adds the line only when its (deprecated,
     * one-parent) matcher says the path is excluded, and then fails to find a Dockerfile its walk
     * left out anyway; added always, the line changes nothing else.
     */
    public DockerIgnore alwaysSending(String path) {
        if (patterns.isEmpty()) {
            return this;
        }
        List<IgnorePattern> more = new ArrayList<>(patterns);
        more.add(IgnorePattern.literal(GoPath.clean(path), true));
        return new DockerIgnore(more);
    }

    /** Whether any rule re-includes paths ({@code !pattern}). */
    public boolean hasExclusions() {
        return patterns.stream().anyMatch(IgnorePattern::exclusion);
    }

    /**
     * Whether the path (relative to the context, {@code /}-separated) is excluded, judged on its
     * own and through its parent directories: {@code PatternMatcher.MatchesOrParentMatches}.
     */
    public boolean excludes(String path) {
        return matches(path, null).excluded();
    }

    /**
     * The result for a path and each rule, given its parent directory's result (null at the top):
     * {@code PatternMatcher.MatchesUsingParentResults}, what the CLI's context walk uses
     * (moby pkg/archive {@code TarWithOptions}). A rule that matched the parent matches the child.
     */
    Match matches(String path, Match parent) {
        boolean excluded = false;
        boolean[] matched = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parent != null && parent.matched[i];
            if (!match) {
                if (pattern.exclusion() != excluded) {
                    continue;
                }
                match = pattern.matches(path) || parent == null && anyParentMatches(pattern, path);
            }
            matched[i] = match;
            if (match) {
                excluded = !pattern.exclusion();
            }
        }
        return new Match(excluded, matched);
    }

    private static boolean anyParentMatches(IgnorePattern pattern, String path) {
        String parent = GoPath.dir(path);
        if (".".equals(parent)) {
            return false;
        }
        String[] dirs = parent.split("/", -1);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < dirs.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(dirs[i]);
            if (pattern.matches(prefix.toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the walk must enter an excluded directory because a {@code !} rule names a path
     * below it (moby pkg/archive: the rule's text plus {@code /} starts with the directory's path
     * plus {@code /}). Without one, the CLI skips the directory whole, whatever a {@code !**} rule says.
     */
    boolean mayReincludeBelow(String directory) {
        String dirSlash = directory + "/";
        return patterns.stream().anyMatch(p -> p.exclusion() && (p.text() + "/").startsWith(dirSlash));
    }

    /** A path's result and, per rule, whether the rule matched it (moby's {@code MatchInfo}). */
    record Match(boolean excluded, boolean[] matched) {
    }
}
