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

    private static final String REPORT = "<testsuite name=\"devcontainer.verify\"/>";

    private boolean save(String subject, String seen, VerdictKey key, Instant passed, String report) throws Exception {
        return store().save(subject, seen, "img:1", key, passed, report);
    }

    @Test
    void keepsOneVerdictPerSubjectWithItsWholeReport() throws Exception {
        Instant passed = Instant.parse("2026-11-30T02:00:00Z");
        assertThat(save("/p\nimg:1", null, key("sha256:a"), passed, REPORT)).isTrue();
        assertThat(save("/p\nimg:1", store().read("/p\nimg:1").generation(), key("sha256:b"), passed, REPORT)).isTrue();
        assertThat(save("/q\nimg:1", null, key("sha256:c"), passed, "<other/>")).isTrue();

        VerdictStore.Stored found = store().find("/p\nimg:1").orElseThrow();

        assertThat(found.key()).isEqualTo(key("sha256:b"));
        assertThat(found.passed()).isEqualTo(passed);
        assertThat(found.image()).isEqualTo("img:1");
        assertThat(found.report()).isEqualTo(REPORT);
        assertThat(store().find("/q\nimg:1").orElseThrow().report()).isEqualTo("<other/>");
        try (var files = Files.list(dir.resolve("verdicts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(3).filteredOn(n -> n.endsWith(".json")).hasSize(2);
        }
    }

    @Test
    void aPassIsNotStoredOverWhatAnotherRunRecordedSinceThisOneReadTheStore() throws Exception {
        String subject = "/p\nimg:1";
        save(subject, null, key("sha256:old"), Instant.now(), "<old/>");
        String seenByA = store().read(subject).generation();
        String seenByB = store().read(subject).generation();

        assertThat(save(subject, seenByA, key("sha256:a"), Instant.now(), "<a/>")).isTrue();
        assertThat(save(subject, seenByB, key("sha256:b"), Instant.now(), "<b/>")).as("B read the store before A wrote").isFalse();

        assertThat(store().find(subject).orElseThrow().report()).isEqualTo("<a/>");
    }

    @Test
    void aFailureWinsOverAPassOfARunThatStartedBeforeIt() throws Exception {
        String subject = "/p\nimg:1";
        String seenByPassingRun = store().read(subject).generation();
        assertThat(seenByPassingRun).isNull();

        assertThat(store().forget(subject)).isTrue();
        assertThat(save(subject, seenByPassingRun, key("sha256:a"), Instant.now(), REPORT)).isFalse();
        assertThat(store().find(subject)).isEmpty();

        String seenAfterTheFailure = store().read(subject).generation();
        assertThat(seenAfterTheFailure).isNotNull();
        assertThat(save(subject, seenAfterTheFailure, key("sha256:a"), Instant.now(), REPORT)).isTrue();
        assertThat(store().find(subject)).isPresent();
    }

    @Test
    void writersOnManyThreadsLeaveOneWholeVerdictOfOneOfThem() throws Exception {
        String subject = "/p\nimg:1";
        String seen = store().read(subject).generation();
        int writers = 16;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String report = "<report of=\"" + i + "\">" + "x".repeat(100_000) + "</report>";
            VerdictKey key = key("sha256:" + i);
            results.add(pool.submit(() -> {
                start.await();
                return new VerdictStore(dir.resolve("verdicts")).save(subject, seen, "img:1", key, Instant.now(), report);
            }));
        }
        start.countDown();
        int stored = 0;
        for (var result : results) {
            stored += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(stored).as("exactly one compare-and-swap succeeds").isEqualTo(1);
        VerdictStore.Stored found = store().find(subject).orElseThrow();
        String writer = found.key().parts().get(VerdictKey.IMAGE).substring("sha256:".length());
        assertThat(found.report()).isEqualTo("<report of=\"" + writer + "\">" + "x".repeat(100_000) + "</report>");
    }

    @Test
    void aDamagedOrHalfWrittenVerdictIsAsGoodAsAbsent() throws Exception {
        save("/p\nimg:1", null, key("sha256:a"), Instant.now(), REPORT);
        Path json;
        try (var files = Files.list(dir.resolve("verdicts"))) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String whole = Files.readString(json);
        Files.writeString(json, whole.substring(0, whole.length() / 2));
        assertThat(store().find("/p\nimg:1")).isEmpty();
        assertThat(store().read("/p\nimg:1").generation()).isNull();

        Files.writeString(json, whole.replaceAll("\"report\" : \".*\"", "\"report\" : \"\""));
        assertThat(store().find("/p\nimg:1")).isEmpty();
        Files.writeString(json, "{\"key\": {\"plugin\": \"x\"}, \"passed\": \"2026-11-30T02:00:00Z\", \"report\": \"x\"}");
        assertThat(store().find("/p\nimg:1")).as("an older version's file, without a generation").isEmpty();
        assertThat(store().find("/never\nsaved")).isEmpty();
    }

    @Test
    void forgetRemovesTheVerdictAndTheReportCopyOfOlderVersions() throws Exception {
        save("/p\nimg:1", null, key("sha256:a"), Instant.now(), REPORT);
        Path json;
        try (var files = Files.list(dir.resolve("verdicts"))) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Path olderCopy = Files.writeString(Path.of(json.toString().replace(".json", ".xml")), REPORT);

        assertThat(store().forget("/p\nimg:1")).isTrue();
        assertThat(store().forget("/p\nimg:1")).isTrue();

        assertThat(store().find("/p\nimg:1")).isEmpty();
        assertThat(olderCopy).doesNotExist();
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
    void storedFilesGetTheModeAnyNewFileGets() throws Exception {
        save("/p\nimg:1", null, key("sha256:a"), Instant.now(), REPORT);
        Path reference = Files.createFile(dir.resolve("reference"));

        try (var files = Files.list(dir.resolve("verdicts"))) {
            assertThat(files.toList()).hasSize(2).allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Files.getPosixFilePermissions(reference)));
        }
    }
}
