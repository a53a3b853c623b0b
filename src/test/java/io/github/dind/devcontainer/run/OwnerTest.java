package io.github.dind.devcontainer.run;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerTest {
    private static final Owner ME = new Owner("ci-1", "4026531836", 100);
    private static final LongPredicate NOTHING_ALIVE = pid -> false;
    private static final LongPredicate ALL_ALIVE = pid -> true;

    @Test
    void aDeadProcessInTheSameNamespaceOnTheSameHostIsGone() {
        assertThat(new Owner("ci-1", "4026531836", 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isTrue();
        assertThat(new Owner("ci-1", "4026531836", 200).isGoneAccordingTo(ME, ALL_ALIVE)).isFalse();
    }

    @Test
    void anotherPidNamespaceIsNeverJudgedDeadEvenWithTheSameHostName() {
        assertThat(new Owner("ci-1", "4026532000", 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
    }

    @Test
    void anotherHostOrAnUnknownNamespaceIsNeverJudgedDead() {
        assertThat(new Owner("ci-2", "4026531836", 200).isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
        Owner unknown = new Owner("ci-1", Owner.UNKNOWN, 200);
        assertThat(unknown.isGoneAccordingTo(new Owner("ci-1", Owner.UNKNOWN, 100), NOTHING_ALIVE)).isFalse();
    }

    @Test
    void theObserverItselfIsNeverGone() {
        assertThat(ME.isGoneAccordingTo(ME, NOTHING_ALIVE)).isFalse();
    }

    @Test
    void systemsWithoutPidNamespacesCompareAsOne() {
        Owner mac = new Owner("mac", Owner.NO_NAMESPACES, 200);
        assertThat(mac.isGoneAccordingTo(new Owner("mac", Owner.NO_NAMESPACES, 1), NOTHING_ALIVE)).isTrue();
    }

    @Test
    void theLabelRoundTripsAndOtherFormatsAreNotOwners() {
        assertThat(Owner.parse(ME.label())).contains(ME);
        assertThat(Owner.parse("host.example:4026531836:42")).contains(new Owner("host.example", "4026531836", 42));
        assertThat(Owner.parse("ci-1:12345")).as("the first version's host:pid").isEmpty();
        assertThat(Owner.parse(null)).isEmpty();
        assertThat(Owner.parse("ci-1:ns:notapid")).isEmpty();
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
    void thisJvmHasAKnownNamespaceOnLinux() {
        Owner current = Owner.current();
        assertThat(current.pid()).isEqualTo(ProcessHandle.current().pid());
        if (Files.isDirectory(Path.of("/proc/self/ns"))) {
            assertThat(current.pidNamespace()).matches("\\d+");
        }
    }
}
