package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.generate.render.Format;
import io.github.dind.devcontainer.generate.render.GeneratedFile;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.generate.files.ProjectFiles.Action;
import io.github.dind.devcontainer.generate.files.ProjectFiles.Outcome;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path dir;

    private static List<GeneratedFile> files(String version) {
        return List.of(
                new GeneratedFile("Dockerfile", Format.DOCKERFILE, "FROM debian:" + version + "\n", false),
                new GeneratedFile("startup.sh", Format.SHELL, "#!/bin/sh\necho " + version + "\n", true));
    }

    private List<Action> write(String version, boolean force) throws Exception {
        return new ProjectFiles(dir.resolve(".devcontainer")).write(files(version), force).stream().map(Outcome::action).toList();
    }

    private Path file(String name) {
        return dir.resolve(".devcontainer").resolve(name);
    }

    @Test
    void createsTheDirectoryAndFilesWithTheRightModes() throws Exception {
        assertThat(write("trixie", false)).containsExactly(Action.CREATED, Action.CREATED);

        assertThat(Files.readString(file("Dockerfile"))).endsWith("FROM debian:trixie\n");
        assertThat(Files.getPosixFilePermissions(file("startup.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(file("Dockerfile"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        try (var listing = Files.list(file(""))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "startup.sh");
        }
    }

    @Test
    void aSecondRunWithTheSameContentTouchesNothing() throws Exception {
        write("trixie", false);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file("Dockerfile"), old);

        assertThat(write("trixie", false)).containsExactly(Action.UNCHANGED, Action.UNCHANGED);
        assertThat(Files.getLastModifiedTime(file("Dockerfile"))).isEqualTo(old);
    }

    @Test
    void anUntouchedFileIsUpdatedWhenItsContentChanges() throws Exception {
        write("trixie", false);

        assertThat(write("bookworm", false)).containsExactly(Action.UPDATED, Action.UPDATED);
        assertThat(Files.readString(file("Dockerfile"))).endsWith("FROM debian:bookworm\n");
    }

    @Test
    void anEditedFileIsKept() throws Exception {
        write("trixie", false);
        String edited = Files.readString(file("Dockerfile")) + "RUN echo mine\n";
        Files.writeString(file("Dockerfile"), edited);

        assertThat(write("bookworm", false)).containsExactly(Action.KEPT_EDITED, Action.UPDATED);
        assertThat(Files.readString(file("Dockerfile"))).isEqualTo(edited);
    }

    @Test
    void aForeignFileIsKept() throws Exception {
        Files.createDirectories(file(""));
        Files.writeString(file("Dockerfile"), "FROM my-own-image\n");

        assertThat(write("trixie", false)).containsExactly(Action.KEPT_FOREIGN, Action.CREATED);
        assertThat(Files.readString(file("Dockerfile"))).isEqualTo("FROM my-own-image\n");
    }

    @Test
    void forceReplacesAnEditedFileAndKeepsEveryBackup() throws Exception {
        Files.createDirectories(file(""));
        Files.writeString(file("Dockerfile"), "FROM first\n");
        List<Outcome> first = new ProjectFiles(file("")).write(files("trixie"), true);
        Files.writeString(file("Dockerfile"), "FROM second\n");
        List<Outcome> second = new ProjectFiles(file("")).write(files("trixie"), true);

        assertThat(first.get(0).action()).isEqualTo(Action.REPLACED);
        assertThat(first.get(0).backup()).isEqualTo(file("Dockerfile.bak"));
        assertThat(second.get(0).backup()).isEqualTo(file("Dockerfile.bak.1"));
        assertThat(Files.readString(file("Dockerfile.bak"))).isEqualTo("FROM first\n");
        assertThat(Files.readString(file("Dockerfile.bak.1"))).isEqualTo("FROM second\n");
        assertThat(Files.readString(file("Dockerfile"))).endsWith("FROM debian:trixie\n");
    }

    @Test
    void forceLeavesAnUnchangedFileAlone() throws Exception {
        write("trixie", false);

        assertThat(write("trixie", true)).containsExactly(Action.UNCHANGED, Action.UNCHANGED);
        assertThat(Files.exists(file("Dockerfile.bak"))).isFalse();
    }

    /** Windows' file system keeps no POSIX modes: the files are written all the same, and rewritten. */
    @Test
    void aFileSystemWithoutPosixModesGetsTheFilesWithoutAnError() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path devcontainer = windows.getPath("C:\\work\\project\\.devcontainer");
            ProjectFiles projectFiles = new ProjectFiles(devcontainer);

            assertThat(projectFiles.write(files("trixie"), false)).extracting(Outcome::action)
                    .containsExactly(Action.CREATED, Action.CREATED);
            assertThat(Files.readString(devcontainer.resolve("startup.sh"))).startsWith("#!/bin/sh\n").endsWith("echo trixie\n");
            assertThat(projectFiles.write(files("bookworm"), false)).extracting(Outcome::action)
                    .containsExactly(Action.UPDATED, Action.UPDATED);
            assertThat(Files.readString(devcontainer.resolve("Dockerfile"))).endsWith("FROM debian:bookworm\n");
            try (var listing = Files.list(devcontainer)) {
                assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "startup.sh");
            }
        }
    }
}
