package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.FileModes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the generated files into a directory without ever losing a user's edit: a file the plugin
 * wrote and nobody touched is rewritten only when its content changes (an identical file is not
 * touched at all, mtime included); a file someone edited, or wrote themselves, is kept unless
 * {@code force} is set, and then it is backed up first. A Dockerfile whose only change is the tag or
 * digest of its first {@code FROM} image (an update bot's pin, {@link GeneratedFileMarker}) is still
 * the plugin's: it is rewritten when the rest changes, and left as it is (its marker too) when
 * generate would write the same body. Every write goes to a temporary file that
 * is renamed over the target, so a crash never leaves half a file.
 */
public final class ProjectFiles {
    private final Path directory;

    public ProjectFiles(Path directory) {
        this.directory = directory;
    }

    /** What happened to one file. {@code backup} is set only for {@link Action#REPLACED}. */
    public record Outcome(Path path, Action action, Path backup) {
    }

    public enum Action {
        CREATED("created"),
        UPDATED("updated"),
        UNCHANGED("unchanged"),
        KEPT_EDITED("kept: edited since it was generated"),
        KEPT_FOREIGN("kept: not written by this plugin"),
        REPLACED("replaced (force)");

        private final String description;

        Action(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public boolean kept() {
            return this == KEPT_EDITED || this == KEPT_FOREIGN;
        }
    }

    /**
     * Writes each file unless it is unchanged, or edited (kept unless {@code force}, then backed up).
     *
     * @throws ProjectFilesException naming the directory (the {@code directory} setting) and the I/O error;
     *     files written before the error stay written, each one whole
     */
    public List<Outcome> write(List<GeneratedFile> files, boolean force) throws ProjectFilesException {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (GeneratedFile file : files) {
                outcomes.add(write(file, force));
            }
        } catch (IOException e) {
            throw new ProjectFilesException("Cannot write the devcontainer into " + directory + " ("
                    + DevcontainerException.setting("directory") + "): " + e, e);
        }
        return outcomes;
    }

    private Outcome write(GeneratedFile file, boolean force) throws IOException {
        Path target = directory.resolve(file.fileName());
        Files.createDirectories(target.getParent()); // build/devcontainer.json for a prebuilt image
        String content = GeneratedFileMarker.stamp(file);
        if (!Files.exists(target)) {
            writeAtomically(target, content, file.executable());
            return new Outcome(target, Action.CREATED, null);
        }
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        if (existing.equals(content)) {
            return new Outcome(target, Action.UNCHANGED, null);
        }
        GeneratedFileMarker.Ownership ownership = GeneratedFileMarker.ownership(existing);
        if (ownership == GeneratedFileMarker.Ownership.PLUGIN_FROM_BUMPED
                && GeneratedFileMarker.body(existing).equals(GeneratedFileMarker.body(content))) {
            return new Outcome(target, Action.UNCHANGED, null); // the bot's FROM is what generate writes too
        }
        if (ownership == GeneratedFileMarker.Ownership.PLUGIN_UNCHANGED
                || ownership == GeneratedFileMarker.Ownership.PLUGIN_FROM_BUMPED) {
            writeAtomically(target, content, file.executable());
            return new Outcome(target, Action.UPDATED, null);
        }
        if (!force) {
            return new Outcome(target, ownership == GeneratedFileMarker.Ownership.EDITED
                    ? Action.KEPT_EDITED : Action.KEPT_FOREIGN, null);
        }
        Path backup = backUp(target);
        writeAtomically(target, content, file.executable());
        return new Outcome(target, Action.REPLACED, backup);
    }

    private static Path backUp(Path target) throws IOException {
        Path backup = target.resolveSibling(target.getFileName() + ".bak");
        for (int n = 1; Files.exists(backup); n++) {
            backup = target.resolveSibling(target.getFileName() + ".bak." + n);
        }
        Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        return backup;
    }

    private static void writeAtomically(Path target, String content, boolean executable) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            setPermissions(temp, executable);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * 0755 or 0644 where the file system keeps POSIX modes. Where it keeps none (Windows) the file
     * stays as created: nothing there marks a file executable that git or the build context reads
     * (a commit from Windows records 0644 unless {@code git update-index --chmod=+x}; the build
     * context decides by what the file is), and the generated Dockerfile makes startup.sh 0755 itself.
     */
    private static void setPermissions(Path file, boolean executable) throws IOException {
        FileModes.setModeIfSupported(file, executable ? "rwxr-xr-x" : "rw-r--r--");
    }
}
