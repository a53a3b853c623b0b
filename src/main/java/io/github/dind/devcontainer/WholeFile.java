package io.github.dind.devcontainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A text file replaced whole: written to a hidden sibling (created as any file is, so the umask
 * decides its mode — CI users must read reports), then moved into place, atomically where the file
 * system can (rename(2); MoveFileEx on Windows). A reader sees the old content or the new, never half.
 */
public final class WholeFile {
    private WholeFile() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file}, creating its folder.
     *
     * @throws IOException when the folder, the sibling or the move fails (the sibling is removed)
     */
    public static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
