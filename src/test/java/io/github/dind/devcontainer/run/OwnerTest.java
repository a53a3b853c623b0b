package io.github.dind.devcontainer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerTest {
    /** The initial PID namespace's inode: the same on every Linux kernel. */
    private static final String INITIAL = "4026531836";
    private static final String HOST_A = "17597e31-7bed-4095-bbe6-d21c0ddf7272";
    private static final String HOST_B = "6fd5a44b-35f4-4ad4-a9b9-6b9be13e1fe9";
    private static final Owner ME = new Owner("ci-1", HOST_A, INITIAL, 100);
    private static final LongPredicate NOTHING_ALIVE = pid -> false;
    private static final LongPredicate ALL_ALIVE = pid -> true;

    @Test
    void aDeadProcessOfTheSameHostIdInTheSameNamespaceIsGone() {
        assertThat(new Owner("ci-1", HOST_A, INITIAL, 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isTrue();
        assertThat(new Owner("ci-1", HOST_A, INITIAL, 200).isGoneAccordingTo(ME, ALL_ALIVE)).isFalse();
    }

    @Test
    void twoHostsOfOneNameInTheInitialNamespaceAreToldApartByTheHostId() {
        Owner otherRunner = new Owner("ci-1", HOST_B, INITIAL, 200);
        assertThat(otherRunner.isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
        assertThat(ME.isGoneAccordingTo(new Owner("ci-1", HOST_B, INITIAL, 200), NOTHING_ALIVE)).isFalse();
    }

    @Test
    void anotherPidNamespaceIsNeverJudgedDeadEvenWithTheSameHostNameAndHostId() {
        assertThat(new Owner("ci-1", HOST_A, "4026532000", 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
    }

    @Test
    void anotherHostNameOrAnUnknownNamespaceIsNeverJudgedDead() {
        assertThat(new Owner("ci-2", HOST_A, INITIAL, 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
        Owner unknown = new Owner("ci-1", HOST_A, Owner.UNKNOWN, 200);
        assertThat(unknown.isGoneAccordingTo(new Owner("ci-1", HOST_A, Owner.UNKNOWN, 100), NOTHING_ALIVE)).isFalse();
    }

    @Test
    void anUnknownHostIdIsNeverJudgedDead() {
        Owner unknown = new Owner("ci-1", Owner.UNKNOWN, INITIAL, 200);
        assertThat(unknown.isGoneAccordingTo(new Owner("ci-1", Owner.UNKNOWN, INITIAL, 100), NOTHING_ALIVE))
                .as("both unknown").isFalse();
        assertThat(unknown.isGoneAccordingTo(ME, NOTHING_ALIVE)).as("only the owner's").isFalse();
        assertThat(new Owner("ci-1", HOST_A, INITIAL, 200)
                .isGoneAccordingTo(new Owner("ci-1", Owner.UNKNOWN, INITIAL, 100), NOTHING_ALIVE))
                .as("only the observer's").isFalse();
    }

    @Test
    void theObserverItselfIsNeverGone() {
        assertThat(ME.isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
    }

    @Test
    void systemsWithoutPidNamespacesCompareByHostId() {
        Owner mac = new Owner("mac", HOST_A, Owner.NO_NAMESPACES, 200);
        assertThat(mac.isGoneAccordingTo(new Owner("mac", HOST_A, Owner.NO_NAMESPACES, 1), NOTHING_ALIVE)).isTrue();
        assertThat(mac.isGoneAccordingTo(new Owner("mac", HOST_B, Owner.NO_NAMESPACES, 1), NOTHING_ALIVE)).isFalse();
    }

    @Test
    void theLabelRoundTrips() {
        assertThat(ME.label()).isEqualTo("ci-1:" + HOST_A + ":" + INITIAL + ":100");
        assertThat(Owner.parse(ME.label())).contains(ME);
        assertThat(Owner.parse("host.example:unknown:none:42")).contains(new Owner("host.example", Owner.UNKNOWN,
                Owner.NO_NAMESPACES, 42));
    }

    @Test
    void olderFormatsAndOtherTextAreNotOwners() {
        assertThat(Owner.parse("ci-1:" + INITIAL + ":200")).as("host:pid-namespace:pid").isEmpty();
        assertThat(Owner.parse("ci-1:12345")).as("the first version's host:pid").isEmpty();
        assertThat(Owner.parse(null)).isEmpty();
        assertThat(Owner.parse("ci-1:" + HOST_A + ":ns:notapid")).isEmpty();
        assertThat(Owner.parse("ci-1:" + HOST_A + "::200")).as("an empty part").isEmpty();
        assertThat(Owner.parse("a:b:" + HOST_A + ":" + INITIAL + ":200")).as("five parts").isEmpty();
        assertThat(Owner.parse("ci-1:" + HOST_A + ":" + INITIAL + ":99999999999999999999")).as("no long").isEmpty();
    }

    @Test
    void aPartThatWouldNotReadBackIsRefused() {
        assertThatThrownBy(() -> new Owner("fe80::1", HOST_A, INITIAL, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Owner("ci-1", "", INITIAL, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Owner("ci-1", HOST_A, null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(Owner.hostPart("odd:name")).isEqualTo("odd_name");
        assertThat(Owner.hostPart("")).isEqualTo("unknown-host");
        assertThat(Owner.parse(new Owner(Owner.hostPart("odd:name"), HOST_A, INITIAL, 1).label())).isPresent();
    }

    @Test
    void theNamespaceIsTheInodeOfTheNamespaceLink(@TempDir Path dir) throws Exception {
        Path ns = Files.createDirectory(dir.resolve("ns"));
        Files.createSymbolicLink(ns.resolve("pid"), Path.of("pid:[4026531836]"));
        assertThat(Owner.pidNamespace(ns.resolve("pid"))).isEqualTo("4026531836");
        assertThat(Owner.pidNamespace(dir.resolve("no-proc/ns/pid"))).isEqualTo(Owner.NO_NAMESPACES);
        Files.writeString(ns.resolve("plain"), "x");
        assertThat(Owner.pidNamespace(ns.resolve("plain"))).isEqualTo(Owner.UNKNOWN);
    }

    @Test
    void theHostIdIsTheBootIdWhereThereIsOne(@TempDir Path dir) throws Exception {
        Path bootId = Files.writeString(dir.resolve("boot_id"), HOST_B + "\n");
        Path stored = dir.resolve("stored");

        assertThat(Owner.hostId(bootId, stored)).isEqualTo(HOST_B);
        assertThat(stored).as("no stored id where there is a boot id").doesNotExist();
    }

    @Test
    void aBootIdThatIsNotOneIsUnknownNotTheStoredId(@TempDir Path dir) throws Exception {
        Path stored = Files.writeString(dir.resolve("stored"), HOST_A + "\n");
        assertThat(Owner.hostId(Files.writeString(dir.resolve("garbage"), "not an id\n"), stored)).isEqualTo(Owner.UNKNOWN);
        assertThat(Owner.hostId(Files.writeString(dir.resolve("upper"), HOST_B.toUpperCase() + "\n"), stored))
                .isEqualTo(Owner.UNKNOWN);
        assertThat(Owner.hostId(Files.writeString(dir.resolve("empty"), ""), stored)).isEqualTo(Owner.UNKNOWN);
        assertThat(Owner.hostId(Files.createDirectory(dir.resolve("a-folder")), stored)).as("unreadable")
                .isEqualTo(Owner.UNKNOWN);
    }

    @Test
    void withoutABootIdTheStoredIdIsMadeOnceAndThenRead(@TempDir Path dir) throws Exception {
        Path noBootId = dir.resolve("proc/sys/kernel/random/boot_id");
        Path stored = dir.resolve(Owner.STORED_ID);

        String first = Owner.hostId(noBootId, stored);

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(Files.readString(stored)).isEqualTo(first + "\n");
        assertThat(Owner.hostId(noBootId, stored)).isEqualTo(first);
        assertThat(Files.readString(stored)).as("not rewritten").isEqualTo(first + "\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(stored);
        }
    }

    @Test
    void anExistingStoredIdIsKept(@TempDir Path dir) throws Exception {
        Path stored = Files.writeString(dir.resolve(Owner.STORED_ID), HOST_B + "\n");
        assertThat(Owner.hostId(dir.resolve("no-boot-id"), stored)).isEqualTo(HOST_B);
        assertThat(Files.readString(stored)).isEqualTo(HOST_B + "\n");
    }

    @Test
    void concurrentFirstRunsAgreeOnOneStoredId(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 20; round++) {
                Path stored = dir.resolve("round-" + round);
                CountDownLatch start = new CountDownLatch(1);
                Callable<String> run = () -> {
                    start.await();
                    return Owner.hostId(dir.resolve("no-boot-id"), stored);
                };
                List<Future<String>> runs = IntStream.range(0, 16).mapToObj(i -> pool.submit(run)).toList();
                start.countDown();
                List<String> ids = new ArrayList<>();
                for (Future<String> f : runs) {
                    ids.add(f.get());
                }
                String kept = Files.readString(stored).strip();
                assertThat(ids).as("round " + round).containsOnly(kept).doesNotContain(Owner.UNKNOWN);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunThatLosesTheRaceKeepsTheIdThatWon(@TempDir Path dir) throws Exception {
        Path stored = Files.writeString(dir.resolve(Owner.STORED_ID), HOST_B + "\n");

        assertThat(Owner.publish(stored)).isTrue();

        assertThat(Files.readString(stored)).isEqualTo(HOST_B + "\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(stored);
        }
    }

    @Test
    void aDamagedStoredIdIsUnknownAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path noBootId = dir.resolve("no-boot-id");
        Path truncated = Files.writeString(dir.resolve("truncated"), HOST_A.substring(0, 20));
        Path trailing = Files.writeString(dir.resolve("trailing"), HOST_A + "\nmore");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, 0, 1, 2});
        Path large = Files.writeString(dir.resolve("large"), HOST_A + "\n" + "x".repeat(100_000));

        for (Path damaged : List.of(truncated, trailing, binary, large)) {
            byte[] before = Files.readAllBytes(damaged);
            assertThat(Owner.hostId(noBootId, damaged)).as(damaged.getFileName().toString()).isEqualTo(Owner.UNKNOWN);
            assertThat(Files.readAllBytes(damaged)).as("left as it is").isEqualTo(before);
        }
        assertThat(Owner.hostId(noBootId, Files.createDirectory(dir.resolve("a-folder")))).isEqualTo(Owner.UNKNOWN);
    }

    @Test
    void aFolderThatCannotHoldTheStoredIdGivesUnknown(@TempDir Path dir) {
        assertThat(Owner.hostId(dir.resolve("no-boot-id"), dir.resolve("missing-folder/" + Owner.STORED_ID)))
                .isEqualTo(Owner.UNKNOWN);
    }

    @Test
    void thisJvmHasAKnownNamespaceAndTheBootIdOnLinux() throws Exception {
        Owner current = Owner.current();
        assertThat(current.pid()).isEqualTo(ProcessHandle.current().pid());
        if (Files.isDirectory(Path.of("/proc/self/ns"))) {
            assertThat(current.pidNamespace()).matches("\\d+");
        }
        if (Files.isReadable(Owner.BOOT_ID)) {
            assertThat(current.hostId()).isEqualTo(Files.readString(Owner.BOOT_ID).strip());
        }
        assertThat(current.hostId()).isNotEqualTo(Owner.UNKNOWN);
    }
}
