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
    void theWrapperPrintsItsPidAndTheCommandsExitStatusTaggedWithTheNonce() throws Exception {
        Process p = run(ContainerExec.EXEC_WRAPPER, "sh", "0123abcd", "/bin/sh", "-c", "echo out; printf err >&2; echo $PPID; exit 3");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(stderr).isEqualTo(ContainerExec.PID_MARKER + p.pid() + "\nerr\n" + ContainerExec.EXIT_MARKER + "0123abcd 3\n");
        assertThat(stdout).as("the command runs under the wrapper, whose tree a timeout kills").startsWith("out\n");
        ContainerExec.Completion completion = ContainerExec.completion(ContainerExec.withoutMarker(stderr), "0123abcd").orElseThrow();
        assertThat(completion.exitCode()).isEqualTo(3);
        assertThat(completion.stderr()).isEqualTo("err");
        assertThat(ContainerExec.withoutMarker("err\n" + ContainerExec.PID_MARKER + "1\n")).as("only a leading marker")
                .isEqualTo("err\n" + ContainerExec.PID_MARKER + "1\n");
    }

    @Test
    void theWrapperExecsProgramsNotShellBuiltins() throws Exception {
        // dash's builtin echo turns \n into a newline; the program, as docker exec runs it, prints it as it is
        Process p = run(ContainerExec.EXEC_WRAPPER, "sh", "ab", "echo", "a\\nb");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a\\nb\n");
        Process missing = run(ContainerExec.EXEC_WRAPPER, "sh", "ab", "no-such-program-here");
        assertThat(missing.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ContainerExec.completion(new String(missing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8), "ab"))
                .map(ContainerExec.Completion::exitCode).contains(127);
    }

    @Test
    void onlyTheLineWithThisExecsNonceCountsWhereverItIs() {
        String late = "err\n" + ContainerExec.EXIT_MARKER + "ab 0\n" + "\n" + ContainerExec.EXIT_MARKER + "cd 1\nlate\n";
        assertThat(ContainerExec.completion(late, "cd")).contains(new ContainerExec.Completion(1,
                "err\n" + ContainerExec.EXIT_MARKER + "ab 0\nlate\n"));
        assertThat(ContainerExec.completion("err\n", "cd")).as("the wrapper was killed: ask the daemon").isEmpty();
        assertThat(ContainerExec.completion("\n" + ContainerExec.EXIT_MARKER + "cd x\n", "cd")).isEmpty();
        assertThat(ContainerExec.nonce()).matches("[0-9a-f]{16}").isNotEqualTo(ContainerExec.nonce());
    }

    private static Process run(String script, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).start();
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
