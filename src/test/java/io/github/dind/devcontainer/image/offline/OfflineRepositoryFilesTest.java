package io.github.dind.devcontainer.image.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline repository's key, the project's copy for the warm-up, and the payload made of what Maven downloaded. */
class OfflineRepositoryFilesTest {
    @TempDir
    Path project;

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void reactor() throws IOException {
        write("pom.xml", "<project>parent</project>");
        write("core/pom.xml", "<project>core</project>");
        write("core/src/main/java/A.java", "class A {}");
        write("core/target/classes/A.class", "binary");
        write("core/src/main/java/com/x/target/B.java", "package com.x.target; class B {}");
        write(".mvn/maven.config", "-B");
        write(".git/config", "[core]");
        write("mvnw", "#!/bin/sh");
        write(".devcontainer/offline-repository/repository.tar", "old payload");
    }

    @Test
    void theKeyFollowsTheBuildFilesNotTheSources() throws IOException {
        reactor();
        assertThat(RepositoryKey.buildFiles(project)).extracting(p -> project.relativize(p).toString())
                .containsExactly(".mvn/maven.config", "core/pom.xml", "mvnw", "pom.xml");
        assertThat(RepositoryKey.skipped(project.resolve("core/target"))).isTrue();
        assertThat(RepositoryKey.skipped(project.resolve("core/src/main/java/com/x/target"))).as("a package").isFalse();
        String key = RepositoryKey.of(project, "mvn -B package", "FROM debian");

        write("core/src/main/java/A.java", "class A { int changed; }");
        write("core/target/pom.xml", "<project>copied</project>");
        assertThat(RepositoryKey.of(project, "mvn -B package", "FROM debian")).as("sources and target/").isEqualTo(key);

        assertThat(RepositoryKey.of(project, "mvn -B verify", "FROM debian")).as("the command").isNotEqualTo(key);
        assertThat(RepositoryKey.of(project, "mvn -B package", "FROM debian\nRUN x")).as("the Dockerfile").isNotEqualTo(key);
        write("core/pom.xml", "<project>core with a dependency</project>");
        assertThat(RepositoryKey.of(project, "mvn -B package", "FROM debian")).as("a module's pom").isNotEqualTo(key);
    }

    @Test
    void theProjectsCopyLeavesOutOutputVersionControlAndThePayload() throws IOException {
        reactor();
        project.resolve("mvnw").toFile().setExecutable(true);
        Files.createSymbolicLink(project.resolve("link"), Path.of("core/pom.xml"));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();

        int files = ProjectArchive.write(project, Set.of(project.resolve(".devcontainer/offline-repository")), tar);

        Map<String, TarArchiveEntry> entries = entries(tar.toByteArray());
        String top = project.getFileName().toString();
        assertThat(entries.keySet()).contains(top + "/pom.xml", top + "/core/pom.xml", top + "/core/src/main/java/A.java",
                top + "/core/src/main/java/com/x/target/B.java",
                top + "/.mvn/maven.config", top + "/mvnw", top + "/link")
                .noneMatch(name -> name.contains("core/target/") || name.contains("/.git/") || name.contains("repository.tar"));
        assertThat(files).isEqualTo(6);
        assertThat(entries.get(top + "/mvnw").getMode() & 0111).isNotZero();
        assertThat(entries.get(top + "/link").isSymbolicLink()).isTrue();
        assertThat(entries.get(top + "/link").getLinkName()).isEqualTo("core/pom.xml");
    }

    @Test
    void thePayloadKeepsTheArtifactsUnderItsTopFolderDropsFailureRecordsAndAddsTheKey() throws IOException {
        ByteArrayOutputStream daemon = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(daemon)) {
            dir(out, "m2-repository/");
            dir(out, "m2-repository/junit/junit/4.13.2/");
            file(out, "m2-repository/junit/junit/4.13.2/junit-4.13.2.jar", "jar");
            file(out, "m2-repository/junit/junit/4.13.2/_remote.repositories", "junit-4.13.2.jar>central=");
            file(out, "m2-repository/org/x/y/1/y-1.pom.lastUpdated", "failed");
            file(out, "m2-repository/org/x/resolver-status.properties", "failed");
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();

        RepositoryPayload.Summary summary = RepositoryPayload.write(new ByteArrayInputStream(daemon.toByteArray()), "k3y", payload);

        Map<String, TarArchiveEntry> entries = entries(payload.toByteArray());
        assertThat(entries.keySet()).containsExactly("m2-repository/", "m2-repository/junit/junit/4.13.2/",
                "m2-repository/junit/junit/4.13.2/junit-4.13.2.jar", "m2-repository/junit/junit/4.13.2/_remote.repositories",
                "m2-repository.key");
        assertThat(summary.files()).isEqualTo(2);
        assertThat(entries.values()).allMatch(e -> e.getModTime().getTime() == 0 && e.getLongUserId() == 0);
        assertThat(content(payload.toByteArray(), OfflineRepository.KEY_ENTRY)).isEqualTo("k3y\n");
    }

    @Test
    void thePayloadIsCurrentOnlyWithTheSameKey() throws IOException {
        Path folder = Files.createDirectories(project.resolve("feature"));
        OfflineRepository offline = new OfflineRepository(folder, project, "mvn", "abc");
        assertThat(offline.isCurrent()).as("no payload").isFalse();
        Files.writeString(folder.resolve("repository.tar"), "tar");
        Files.writeString(folder.resolve("repository.key"), "abd\n");
        assertThat(offline.isCurrent()).as("another key").isFalse();
        Files.writeString(folder.resolve("repository.key"), "abc\n");
        assertThat(offline.isCurrent()).isTrue();
    }

    private static void dir(TarArchiveOutputStream out, String name) throws IOException {
        out.putArchiveEntry(new TarArchiveEntry(name));
        out.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream out, String name, String content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        entry.setSize(bytes.length);
        entry.setUserId(1000);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }

    private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        }
        return entries;
    }

    private static String content(byte[] tar, String name) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
