package io.github.dind.devcontainer.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a project's git checkout is at, read from {@code .git} directly (no git binary needed):
 * {@code HEAD}, loose refs, {@code packed-refs}, and worktrees ({@code .git} as a file).
 */
public final class GitRevision {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitRevision() {
    }

    public static Optional<String> of(Path directory) {
        try {
            for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return resolveHead(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String pointer = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                    if (!pointer.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    Path gitDir = dir.resolve(pointer.substring("gitdir:".length()).strip()).normalize();
                    Path commonDir = gitDir;
                    Path commonFile = gitDir.resolve("commondir");
                    if (Files.isRegularFile(commonFile)) {
                        commonDir = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).strip()).normalize();
                    }
                    return resolveHead(gitDir, commonDir);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> resolveHead(Path gitDir, Path commonDir) throws IOException {
        Path head = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(head)) {
            return Optional.empty();
        }
        String content = Files.readString(head, StandardCharsets.UTF_8).strip();
        if (SHA.matcher(content).matches()) {
            return Optional.of(content);
        }
        if (!content.startsWith("ref:")) {
            return Optional.empty();
        }
        String ref = content.substring(4).strip();
        Path loose = commonDir.resolve(ref);
        if (Files.isRegularFile(loose)) {
            String sha = Files.readString(loose, StandardCharsets.UTF_8).strip();
            return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty(); // a branch without commits yet
    }
}
