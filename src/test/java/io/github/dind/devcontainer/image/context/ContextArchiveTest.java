package io.github.dind.devcontainer.image.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.InputStream;
import java.nio.file.FileSystem;
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
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
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
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            first = archive.sha256();
        }
        Files.setLastModifiedTime(context.resolve("startup.sh"), FileTime.fromMillis(42));

        try (ContextArchive again = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(again.sha256()).isEqualTo(first).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void oneChangedByteOrModeGivesANewHash() throws Exception {
        String first;
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            first = archive.sha256();
        }
        Files.writeString(context.resolve("conf/nested/app.conf"), "key=valuf\n");
        String changedContent;
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            changedContent = archive.sha256();
        }
        Files.setPosixFilePermissions(context.resolve("conf/nested/app.conf"), PosixFilePermissions.fromString("rwx------"));
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(changedContent).isNotEqualTo(first);
            assertThat(archive.sha256()).isNotEqualTo(changedContent);
        }
    }

    @Test
    void honoursDockerignoreButAlwaysSendsTheDockerfileAndDockerignore() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "conf\nDockerfile\n.dockerignore\n*.sh\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(entries(archive).keySet()).containsExactly(".dockerignore", "Dockerfile", "link.conf");
        }
    }

    @Test
    void aReincludedFileInsideAnExcludedDirectoryIsSent() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "conf\n!conf/nested/app.conf\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(entries(archive).keySet()).contains("conf/nested/app.conf").doesNotContain("conf/", "conf/nested/");
        }
    }

    /** docker CLI: the Dockerfile is sent even when its folder is ignored; the folder's other files are not. */
    @Test
    void aDockerfileInsideAnIgnoredFolderIsSentAlone() throws Exception {
        Files.createDirectories(context.resolve("sub"));
        Files.writeString(context.resolve("sub/Dockerfile"), "FROM debian:trixie\n");
        Files.writeString(context.resolve("sub/other.txt"), "not sent\n");
        Files.writeString(context.resolve(".dockerignore"), "sub\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("./sub/Dockerfile"))) {
            assertThat(entries(archive).keySet()).contains(".dockerignore", "sub/Dockerfile")
                    .doesNotContain("sub/", "sub/other.txt");
        }
    }

    /** The CLI would read {@code !df[1]} as a pattern; the name is kept as written. */
    @Test
    void aDockerfileWhoseNameHoldsWildcardsIsSent() throws Exception {
        Files.writeString(context.resolve("df[1]"), "FROM debian:trixie\n");
        Files.writeString(context.resolve("df1"), "not the Dockerfile\n");
        Files.writeString(context.resolve(".dockerignore"), "df*\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("df[1]"))) {
            assertThat(entries(archive).keySet()).contains("df[1]").doesNotContain("df1");
        }
    }

    @Test
    void ignoringEverythingStillSendsTheDockerfileAndDockerignore() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "*\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(entries(archive).keySet()).containsExactly(".dockerignore", "Dockerfile");
        }
    }

    /**
     * moby pkg/archive enters an ignored folder only for a {@code !} rule that names a path below it:
     * {@code !**}{@code /app.conf} does not bring back {@code conf/nested/app.conf}.
     */
    @Test
    void aWildcardReincludeDoesNotReachIntoAnIgnoredFolder() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "conf\n!**/app.conf\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(entries(archive).keySet()).doesNotContain("conf/nested/app.conf");
        }
    }

    @Test
    void aMalformedPatternIsRefusedWithItsLine() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "# fine\ntarget\n[a-\n");

        assertThatThrownBy(() -> ContextArchive.create(context, context.resolve("Dockerfile")))
                .isInstanceOf(BuildContextException.class)
                .hasMessageContaining(".dockerignore, line 3: syntax error in pattern [a-");
    }

    /** The owner's execute bit decides, not whether this process may execute (root may execute any x). */
    @Test
    void theModeFollowsTheOwnersExecuteBit() throws Exception {
        Map<String, String> modes = Map.of("group-x", "rw-r-xr-x", "owner-x", "rwx------", "owner-rx", "r-x------",
                "none", "rw-rw-rw-");
        for (Map.Entry<String, String> file : modes.entrySet()) {
            Files.writeString(context.resolve(file.getKey()), file.getKey());
            Files.setPosixFilePermissions(context.resolve(file.getKey()), PosixFilePermissions.fromString(file.getValue()));
        }

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            Map<String, TarArchiveEntry> entries = entries(archive);
            assertThat(entries.get("group-x").getMode() & 07777).isEqualTo(0644);
            assertThat(entries.get("owner-x").getMode() & 07777).isEqualTo(0755);
            assertThat(entries.get("owner-rx").getMode() & 07777).isEqualTo(0755);
            assertThat(entries.get("none").getMode() & 07777).isEqualTo(0644);
        }
    }

    /**
     * Windows' file system keeps no modes: what the file is decides, so scripts (startup.sh among
     * them, CRLF or not) and binaries stay executable and nothing else becomes so.
     */
    @Test
    void whereTheFileSystemKeepsNoModesScriptsAndBinariesAreExecutable() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path tree = Files.createDirectories(windows.getPath("C:\\work\\.devcontainer"));
            Files.writeString(tree.resolve("Dockerfile"), "FROM debian:trixie\nCOPY startup.sh /\n");
            Files.writeString(tree.resolve("startup.sh"), "#!/usr/bin/env bash\r\necho hi\r\n");
            Files.write(tree.resolve("tool"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
            Files.writeString(tree.resolve("no-shebang.sh"), "echo hi\n");
            Files.writeString(tree.resolve("hash"), "#");
            Files.writeString(tree.resolve("elf.txt"), "ELF");
            Files.createFile(tree.resolve("empty"));
            Files.createDirectories(tree.resolve("ca-certificates"));
            Files.writeString(tree.resolve("ca-certificates\\corp.crt"), "-----BEGIN CERTIFICATE-----\n");

            try (ContextArchive archive = ContextArchive.create(tree, tree.resolve("Dockerfile"))) {
                Map<String, Integer> modes = new LinkedHashMap<>();
                entries(archive).forEach((name, entry) -> modes.put(name, entry.getMode() & 07777));

                assertThat(modes).containsExactlyInAnyOrderEntriesOf(Map.of("Dockerfile", 0644, "startup.sh", 0755,
                        "tool", 0755, "no-shebang.sh", 0644, "hash", 0644, "elf.txt", 0644, "empty", 0644,
                        "ca-certificates/", 0755, "ca-certificates/corp.crt", 0644));
            }
        }
    }

    /**
     * The archive's bytes, and so every image fingerprint, for a context of the usual kind: pinned
     * to what the previous version produced, so a change to the archive rebuilds nobody's image
     * unless it has to.
     */
    @Test
    void anUnchangedContextKeepsItsHash() throws Exception {
        Files.writeString(context.resolve(".dockerignore"), "*.log\n");
        Files.writeString(context.resolve("build.log"), "ignored\n");

        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            assertThat(archive.sha256()).isEqualTo(PINNED);
        }
    }

    /**
     * The same files in a Windows checkout (no modes, case-insensitive path order, backslashes) give
     * the same archive, byte for byte, as the pinned one above.
     */
    @Test
    void theSameFilesOnWindowsGiveTheSameArchive() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path tree = Files.createDirectories(windows.getPath("C:\\work\\.devcontainer"));
            Files.writeString(tree.resolve("Dockerfile"), "FROM debian:trixie\nCOPY startup.sh /\n");
            Files.writeString(tree.resolve("startup.sh"), "#!/bin/sh\necho hi\n");
            Files.createDirectories(tree.resolve("conf\\nested"));
            Files.writeString(tree.resolve("conf\\nested\\app.conf"), "key=value\n");
            Files.createSymbolicLink(tree.resolve("link.conf"), windows.getPath("conf\\nested\\app.conf"));
            Files.writeString(tree.resolve(".dockerignore"), "*.log\n");
            Files.writeString(tree.resolve("build.log"), "ignored\n");

            try (ContextArchive archive = ContextArchive.create(tree, tree.resolve("Dockerfile"))) {
                assertThat(entries(archive).keySet()).containsExactly(".dockerignore", "Dockerfile", "conf/", "conf/nested/",
                        "conf/nested/app.conf", "link.conf", "startup.sh");
                assertThat(archive.sha256()).isEqualTo(PINNED);
            }
        }
    }

    private static final String PINNED = "4764c93d57f739382752df99ab6e4d8071b279bd7fe8841316fc89c3d1079d25";

    @Test
    void theTemporaryFileIsDeletedOnClose() throws Exception {
        Path file;
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("Dockerfile"))) {
            file = archive.file();
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    /**
     * docker/cli {@code AddDockerfileToBuildContext}: a Dockerfile outside the context travels as
     * {@code .dockerfile.<20 hex>}, which the archive's .dockerignore lists, so the daemon removes it
     * (and .dockerignore) before any COPY. Here the digits come from its content, not at random.
     */
    @Test
    void aDockerfileOutsideTheContextIsSentAsTheDockerCliSendsIt(@TempDir Path elsewhere) throws Exception {
        Path dockerfile = elsewhere.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM debian:trixie AS outside\n");
        String name = ".dockerfile." + io.github.dind.devcontainer.Sha256.hex("FROM debian:trixie AS outside\n").substring(0, 20);

        try (ContextArchive archive = ContextArchive.create(context, dockerfile);
                ContextArchive again = ContextArchive.create(context, dockerfile)) {
            Map<String, TarArchiveEntry> entries = entries(archive);
            assertThat(archive.dockerfileName()).isEqualTo(name);
            assertThat(entries.keySet()).containsExactly("Dockerfile", "conf/", "conf/nested/", "conf/nested/app.conf",
                    "link.conf", "startup.sh", ".dockerignore", name);
            assertThat(archive.entries()).isEqualTo(entries.size());
            assertThat(content(archive, ".dockerignore")).isEqualTo(".dockerignore\n" + name + "\n");
            assertThat(content(archive, name)).isEqualTo("FROM debian:trixie AS outside\n");
            assertThat(again.sha256()).isEqualTo(archive.sha256());
        }

        Files.writeString(context.resolve(".dockerignore"), "*.log");
        try (ContextArchive archive = ContextArchive.create(context, dockerfile)) {
            assertThat(entries(archive).keySet()).startsWith(".dockerignore").endsWith(name);
            assertThat(content(archive, ".dockerignore")).isEqualTo("*.log\n" + name + "\n");
        }
    }

    @Test
    void aDockerfileInsideTheContextKeepsItsPath() throws Exception {
        try (ContextArchive archive = ContextArchive.create(context, context.resolve("conf/../Dockerfile"))) {
            assertThat(archive.dockerfileName()).isEqualTo("Dockerfile");
        }
    }

    private static String content(ContextArchive archive, String name) throws Exception {
        try (InputStream in = archive.open(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }
}
