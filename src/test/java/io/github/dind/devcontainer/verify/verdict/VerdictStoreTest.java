package io.github.dind.devcontainer.verify.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictStoreTest {
    @TempDir
    Path dir;

    private static VerdictKey key(String imageId) {
        return VerdictKey.of("1.0 sha256:ab", imageId, "launch", "checks", "engine");
    }

    private VerdictStore store() {
        return new VerdictStore(dir.resolve("verdicts"));
    }

    private Path report() throws Exception {
        return Files.writeString(dir.resolve("TEST-devcontainer-verify.xml"), "<testsuite/>");
    }

    @Test
    void keepsOneVerdictPerSubjectWithACopyOfItsReport() throws Exception {
        Instant passed = Instant.parse("2026-11-30T02:00:00Z");
        store().save("/p\nimg:1", "img:1", key("sha256:a"), passed, report());
        store().save("/p\nimg:1", "img:1", key("sha256:b"), passed, report());
        store().save("/q\nimg:1", "img:1", key("sha256:c"), passed, report());
        Files.writeString(report(), "changed later");

        VerdictStore.Stored found = store().find("/p\nimg:1").orElseThrow();

        assertThat(found.key()).isEqualTo(key("sha256:b"));
        assertThat(found.passed()).isEqualTo(passed);
        assertThat(found.image()).isEqualTo("img:1");
        assertThat(found.report()).hasContent("<testsuite/>");
        assertThat(dir.resolve("verdicts")).isDirectoryContaining(p -> true);
        try (var files = Files.list(dir.resolve("verdicts"))) {
            assertThat(files).hasSize(4);
        }
    }

    @Test
    void aDamagedOrHalfWrittenVerdictIsAsGoodAsAbsent() throws Exception {
        store().save("/p\nimg:1", "img:1", key("sha256:a"), Instant.now(), report());
        Path json;
        try (var files = Files.list(dir.resolve("verdicts"))) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Files.writeString(json, "{\"key\": {\"plugin\": \"x\"}, \"passed\": \"2026-11-30T02:00:00Z\"}");
        assertThat(store().find("/p\nimg:1")).isEmpty();

        store().save("/p\nimg:1", "img:1", key("sha256:a"), Instant.now(), report());
        Files.delete(Path.of(json.toString().replace(".json", ".xml")));
        assertThat(store().find("/p\nimg:1")).isEmpty();
        assertThat(store().find("/never\nsaved")).isEmpty();
    }

    @Test
    void forgetRemovesTheVerdict() throws Exception {
        store().save("/p\nimg:1", "img:1", key("sha256:a"), Instant.now(), report());

        store().forget("/p\nimg:1");
        store().forget("/p\nimg:1");

        assertThat(store().find("/p\nimg:1")).isEmpty();
    }

    @Test
    void aKeyNamesThePartsThatChangedAndKeepsLongPartsAsDigests() {
        VerdictKey before = VerdictKey.of("1.0", "sha256:a", "launch", "checks", "engine");
        VerdictKey after = VerdictKey.of("1.0", "sha256:a", "launch 2", "checks", "engine 2");

        assertThat(after.changedSince(before)).containsExactly(VerdictKey.LAUNCH, VerdictKey.ENGINE);
        assertThat(before.changedSince(before)).isEmpty();
        assertThat(before.parts().get(VerdictKey.LAUNCH)).startsWith("sha256:").hasSize(71);
        assertThat(VerdictKey.restore(before.parts())).isEqualTo(before);
        assertThatThrownBy(() -> VerdictKey.restore(Map.of("plugin", "1.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[plugin, image, launch settings, checks, engine]");
    }

    @Test
    void aReportChangedSinceItWasStoredIsNotReused() throws Exception {
        store().save("/p\nimg:1", "img:1", key("sha256:a"), Instant.now(), report());
        Path xml;
        try (var files = Files.list(dir.resolve("verdicts"))) {
            xml = files.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
        }

        Files.writeString(xml, "garbage <<<");
        assertThat(store().find("/p\nimg:1")).isEmpty();
        Files.writeString(xml, "");
        assertThat(store().find("/p\nimg:1")).isEmpty();
    }

    @Test
    void storedFilesGetTheModeAnyNewFileGets() throws Exception {
        store().save("/p\nimg:1", "img:1", key("sha256:a"), Instant.now(), report());
        Path reference = Files.createFile(dir.resolve("reference"));

        try (var files = Files.list(dir.resolve("verdicts"))) {
            assertThat(files.toList()).hasSize(2).allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Files.getPosixFilePermissions(reference)));
        }
    }
}
