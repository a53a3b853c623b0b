package io.github.dind.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes where the file system keeps them (this machine's), nothing where it does not (Windows', in memory). */
class FileModesTest {
    @TempDir
    Path temp;

    @Test
    void modesAreSetAndReadWhereTheFileSystemKeepsThem() throws Exception {
        Path file = Files.writeString(temp.resolve("run.sh"), "#!/bin/sh\n");

        assertThat(FileModes.supportsPosix(file)).isTrue();
        assertThat(FileModes.setModeIfSupported(file, "rwxr-x---")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x---");
        assertThat(FileModes.isOwnerExecutable(file)).isTrue();
        FileModes.setModeIfSupported(file, "rw-r-xr-x");
        assertThat(FileModes.isOwnerExecutable(file)).as("only group and others may execute").isFalse();
    }

    @Test
    void onAFileSystemWithoutModesNothingIsSetAndNothingThrows() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path file = Files.writeString(Files.createDirectories(windows.getPath("C:\\work")).resolve("run.sh"), "x");

            assertThat(FileModes.supportsPosix(file)).isFalse();
            assertThat(FileModes.setModeIfSupported(file, "rwxr-xr-x")).isFalse();
            assertThat(file).hasContent("x");
            assertThatThrownBy(() -> FileModes.isOwnerExecutable(file)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> FileModes.setModeIfSupported(file, "rwx")).as("a malformed mode is refused everywhere")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
