package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
    static final String STATS = """
            1 (dumb-init) S 0 1 1 0 -1 4194560 94 0 0 0 0 0 0 0 20 0 1 0
            7 (sleep) S 1 7 7 0 -1 4194560 94 0 0 0 0 0 0 0 20 0 1 0
            31 (dockerd) S 7 7 7 0 -1 4194560 94 0 0 0 0 0 0 0 20 0 1 0
            54 (containerd) S 31 7 7 0 -1 4194560 94 0 0 0 0 0 0 0 20 0 1 0
            60 (odd) name)) Z 1 7 7 0 -1 4194560 94 0 0 0 0 0 0 0 20 0 1 0
            """;

    @Test
    void parsesStatLinesWhateverTheCommandName() {
        assertThat(ProcStat.parse("60 (odd) name)) Z 1 7 7 0")).hasValueSatisfying(p -> {
            assertThat(p.pid()).isEqualTo(60);
            assertThat(p.comm()).isEqualTo("odd) name)");
            assertThat(p.zombie()).isTrue();
            assertThat(p.ppid()).isEqualTo(1);
        });
        assertThat(ProcStat.parse("garbage")).isEmpty();
        assertThat(ProcStat.parse("12 (x) S notanumber")).isEmpty();
    }

    @Test
    void walksTheParentChainToPid1() {
        ProcessTree tree = ProcessTree.parse(STATS);
        ProcStat dockerd = tree.named("dockerd").get(0);

        assertThat(tree.descendsFromPid1(dockerd)).isTrue();
        assertThat(ProcessTree.describe(tree.ancestry(dockerd))).isEqualTo("dockerd (31) < sleep (7) < dumb-init (1)");
    }

    @Test
    void aProcessWhoseParentIsOutsideTheContainerDoesNotDescendFromPid1() {
        ProcessTree tree = ProcessTree.parse("1 (sleep) S 0 1\n40 (dockerd) S 0 40\n");

        assertThat(tree.descendsFromPid1(tree.named("dockerd").get(0))).isFalse();
    }
}
