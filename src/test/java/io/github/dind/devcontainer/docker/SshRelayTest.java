package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's private directory, on a file system with POSIX modes and on one without (Windows'). */
class SshRelayTest {
    @TempDir
    Path temp;

    @Test
    void theDirectoryIsTheOwnersAloneWhereTheFileSystemKeepsModes() throws Exception {
        Path directory = SshRelay.privateDirectory(temp);

        assertThat(directory.getParent()).isEqualTo(temp);
        assertThat(directory.getFileName().toString()).startsWith("devcontainer-ssh-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aFileSystemWithoutPosixModesGetsAPlainDirectoryNotAnError() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path parent = Files.createDirectories(windows.getPath("C:\\Users\\dev\\AppData\\Local\\Temp"));
            assertThat(windows.supportedFileAttributeViews()).doesNotContain("posix");

            Path directory = SshRelay.privateDirectory(parent);

            assertThat(directory).isDirectory().hasParent(parent);
            assertThat(directory.getFileName().toString()).startsWith("devcontainer-ssh-");
        }
    }
}
