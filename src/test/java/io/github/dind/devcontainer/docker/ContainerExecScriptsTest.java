package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The two shell scripts {@link ContainerExec} runs inside the container, run here with the local
 * {@code /bin/sh} (no Docker): the exec wrapper reports the command's own PID, and the kill script
 * ends a whole process tree.
 */
class ContainerExecScriptsTest {
    @Test
    void theWrapperPrintsThePidOfTheCommandItExecs() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", ContainerExec.EXEC_WRAPPER, "sh", "/bin/sh", "-c",
                "echo out; echo err >&2; echo $$").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(stderr).isEqualTo(ContainerExec.PID_MARKER + p.pid() + "\nerr\n");
        assertThat(stdout).isEqualTo("out\n" + p.pid() + "\n");
        assertThat(ContainerExec.withoutMarker(stderr)).isEqualTo("err\n");
        assertThat(ContainerExec.withoutMarker("err\n" + ContainerExec.PID_MARKER + "1\n")).as("only a leading marker")
                .isEqualTo("err\n" + ContainerExec.PID_MARKER + "1\n");
    }

    @Test
    void theKillScriptEndsTheProcessAndItsDescendants() throws Exception {
        Process tree = new ProcessBuilder("/bin/sh", "-c", "sleep 300 & sh -c 'sleep 300 & wait' & wait").start();
        List<ProcessHandle> descendants = waitForDescendants(tree, 3);

        Process kill = new ProcessBuilder("/bin/sh", "-c", ContainerExec.KILL_TREE, "sh", String.valueOf(tree.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(tree.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle d : descendants) {
            d.onExit().get(10, TimeUnit.SECONDS);
            assertThat(d.isAlive()).as("descendant " + d.pid()).isFalse();
        }
    }

    private static List<ProcessHandle> waitForDescendants(Process process, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> found = process.descendants().toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the process tree did not start");
    }
}
