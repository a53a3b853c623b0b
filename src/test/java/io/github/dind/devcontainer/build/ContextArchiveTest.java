package io.github.dind.devcontainer.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {
    @TempDir
    Path context;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM debian:trixie\nCOPY startup.sh /\n");
        Files.writeString(context.resolve("startup.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(context.resolve("startup.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(context.resolve("conf/nested"));
        Files.writeString(context.resolve("conf/nested/app.conf"), "key=value\n");
        Files.setPosixFilePermissions(context.resolve("conf/nested/app.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(context.resolve("link.conf"), Path.of("conf/nested/app.conf"));
    }

    private static Map<String, TarArchiveEntry> entries(ContextArchive archive) throws Exception {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (InputStream in = archive.open(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        }
        return entries;
    }

    @Test
    void tarsEveryFileInSortedOrderWithNormalisedModes() throws Exception {
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            Map<String, TarArchiveEntry> entries = entries(archive);

            assertThat(entries.keySet()).containsExactly("Dockerfile", "conf/", "conf/nested/", "conf/nested/app.conf",
                    "link.conf", "startup.sh");
            assertThat(entries.get("startup.sh").getMode() & 07777).isEqualTo(0755);
            assertThat(entries.get("conf/nested/app.conf").getMode() & 07777).isEqualTo(0644);
            assertThat(entries.get("conf/").isDirectory()).isTrue();
            assertThat(entries.get("link.conf").isSymbolicLink()).isTrue();
            assertThat(entries.get("link.conf").getLinkName()).isEqualTo("conf/nested/app.conf");
            assertThat(entries.values()).allSatisfy(e -> {
                assertThat(e.getModTime().toInstant()).isEqualTo(ContextArchive.FIXED_TIME);
                assertThat(e.getLongUserId()).isZero();
            });
            assertThat(archive.entries()).isEqualTo(6);
        }
    }

    @Test
    void theSameFilesGiveTheSameHashWhateverTheirTimestamps() throws Exception {
        String first;
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            first = archive.sha256();
        }
        Files.setLastModifiedTime(context.resolve("startup.sh"), FileTime.fromMillis(42));

        try (ContextArchive again = ContextArchive.create(context, "Dockerfile")) {
            assertThat(again.sha256()).isEqualTo(first).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void oneChangedByteOrModeGivesANewHash() throws Exception {
        String first;
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            first = archive.sha256();
        }
        Files.writeString(context.resolve("conf/nested/app.conf"), "key=valuf\n");
        String changedContent;
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            changedContent = archive.sha256();
        }
        Files.setPosixFilePermissions(context.resolve("conf/nested/app.conf"), PosixFilePermissions.fromString("rwx------"));
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            assertThat(changedContent).isNotEqualTo(first);
            assertThat(archive.sha256()).isNotEqualTo(changedContent);
        }
    }

    @Test
    void honoursDockerignoreButAlwaysSendsTheDockerfileAndDockerignore() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "conf\nDockerfile\n.dockerignore\n*.sh\n");

        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            assertThat(entries(archive).keySet()).containsExactly(".dockerignore", "Dockerfile", "link.conf");
        }
    }

    @Test
    void aReincludedFileInsideAnExcludedDirectoryIsSent() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "conf\n!conf/nested/app.conf\n");

        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            assertThat(entries(archive).keySet()).contains("conf/nested/app.conf").doesNotContain("conf/", "conf/nested/");
        }
    }

    @Test
    void theTemporaryFileIsDeletedOnClose() throws Exception {
        Path file;
        try (ContextArchive archive = ContextArchive.create(context, "Dockerfile")) {
            file = archive.file();
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }
}
