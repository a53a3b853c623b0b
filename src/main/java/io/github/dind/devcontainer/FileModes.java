package io.github.dind.devcontainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * POSIX file modes where the file system keeps them, and nothing where it does not. Windows'
 * default file system has no {@code posix} attribute view: there {@link Files#setPosixFilePermissions}
 * and {@link Files#getPosixFilePermissions} throw {@link UnsupportedOperationException}, and a
 * POSIX attribute given to {@code Files.create*} does too. Each caller asks {@link #supportsPosix}
 * and decides what a file without modes gets, instead of catching that exception.
 */
public final class FileModes {
    private FileModes() {
    }

    /** Whether the file system that holds {@code path} keeps POSIX modes (it has the {@code posix} attribute view). */
    public static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Sets the mode where the file system keeps POSIX modes; elsewhere leaves the file as it is.
     *
     * @param mode as {@code ls -l} writes it, e.g. {@code rw-r--r--}
     * @return whether the mode was set
     * @throws IOException when the file system keeps modes and setting one fails
     * @throws IllegalArgumentException when {@code mode} is not nine characters of {@code rwx-}
     */
    public static boolean setModeIfSupported(Path file, String mode) throws IOException {
        var permissions = PosixFilePermissions.fromString(mode);
        if (!supportsPosix(file)) {
            return false;
        }
        Files.setPosixFilePermissions(file, permissions);
        return true;
    }

    /**
     * The owner's execute bit of the file itself (a symbolic link is not followed) — not "may this
     * process execute it": root may execute a file that only its group or others may.
     *
     * @throws UnsupportedOperationException where the file system keeps no POSIX modes: ask
     *     {@link #supportsPosix} first
     * @throws IOException when the file's attributes cannot be read
     */
    public static boolean isOwnerExecutable(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
    }
}
