package io.github.dind.devcontainer.verify.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestTest {
    @TempDir
    Path dir;

    private Path jar(String name, Map<String, String> entries, String comment) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.fromMillis(1_700_000_000_000L));
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return jar;
    }

    @Test
    void sameContentSameDigestFromTheDirectory() throws IOException {
        String a = JarDigest.of(jar("a.jar", Map.of("x/A.class", "one", "B.txt", "two"), null));
        String b = JarDigest.of(jar("b.jar", Map.of("x/A.class", "one", "B.txt", "two"), null));
        assertThat(a).startsWith("sha256:").isEqualTo(b);
    }

    @Test
    void oneChangedByteChangesIt() throws IOException {
        String a = JarDigest.of(jar("a.jar", Map.of("x/A.class", "one", "B.txt", "two"), null));
        String b = JarDigest.of(jar("b.jar", Map.of("x/A.class", "onf", "B.txt", "two"), null));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aCommentDoesNotHideTheDirectory() throws IOException {
        String digest = JarDigest.of(jar("a.jar", Map.of("A.class", "one"), "built by a test \u0050K\u0005\u0006"));
        assertThat(digest).startsWith("sha256:");
    }

    @Test
    void notAJarIsHashedWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.jar"), "not a zip at all");
        assertThat(JarDigest.of(file)).startsWith("sha256-file:");
        Path other = Files.writeString(dir.resolve("other.jar"), "not a zip at alm");
        assertThat(JarDigest.of(file)).isNotEqualTo(JarDigest.of(other));
    }
}
