package io.github.dind.devcontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ITs' shared helpers: every process call ends, in time or with the output it had so far. */
class CommandsTest {

    @Test
    void shJoinsTheStreamsLineByLine() {
        Commands.Result result = Commands.sh(List.of("bash", "-c", "echo out; echo err >&2; exit 3"));
        assertThat(result.getCode()).isEqualTo(3);
        assertThat(result.getOut()).contains("out\n").contains("err\n");
    }

    @Test
    void shRunsInTheFolderWithTheEnvironmentGiven(@TempDir Path dir) {
        Commands.Result result = Commands.sh(List.of("bash", "-c", "pwd; echo \"$IT_VALUE\""), dir.toFile(), 30,
                Map.of("IT_VALUE", "given"));
        assertThat(result.getOut()).isEqualTo(dir.toFile().getAbsolutePath() + "\ngiven\n");
    }

    @Test
    void aTimeoutKillsTheProcessAndItsChildrenAndFailsWithTheOutputSoFar(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("child.pid");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Commands.sh(List.of("bash", "-c",
                "echo started; sleep 300 & echo $! > " + pid + "; wait"), null, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 1 s")
                .hasMessageContaining("started");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        long child = Long.parseLong(Files.readString(pid).trim());
        // killed: gone once the init process has reaped it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the child sleep").isFalse();
    }

    @Test
    void procKeepsTheStreamsApartByteForByte() {
        Commands.Result result = Commands.proc(List.of("bash", "-c", "printf 'a\\r\\nb'; printf 'e' >&2"));
        assertThat(result.getCode()).isZero();
        assertThat(result.getOut()).isEqualTo("a\r\nb");
        assertThat(result.getErr()).isEqualTo("e");
    }

    @Test
    void procTimesOutWithBothStreamsSoFar() {
        assertThatThrownBy(() -> Commands.proc(List.of("bash", "-c", "echo so-far; echo on-err >&2; sleep 300"), 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 1 s")
                .hasMessageContaining("so-far")
                .hasMessageContaining("on-err");
    }

    @Test
    void okAndStdoutFailOnANonZeroExit() {
        assertThatThrownBy(() -> Commands.ok(List.of("bash", "-c", "echo why; exit 2")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exited with 2").hasMessageContaining("why");
        assertThatThrownBy(() -> Commands.stdout(List.of("bash", "-c", "echo why >&2; exit 1")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("why");
        assertThat(Commands.stdout(List.of("echo", "fine"))).isEqualTo("fine\n");
    }

    @Test
    void aMissingCommandFailsSayingSo() {
        assertThatThrownBy(() -> Commands.sh(List.of("no-such-command-for-the-its")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cannot run");
    }

    @Test
    void aBoundedProcessIsKilledAtItsDeadline(@TempDir Path dir) throws Exception {
        File log = dir.resolve("run.log").toFile();
        Process process = Commands.startBounded(new ProcessBuilder("bash", "-c", "echo running; sleep 300")
                .redirectErrorStream(true).redirectOutput(log), 1);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log.toPath())).isEqualTo("running\n");
    }

    @Test
    void awaitExitFailsWithTheLogAndKills(@TempDir Path dir) {
        File log = dir.resolve("run.log").toFile();
        Process process = Commands.startBounded(new ProcessBuilder("bash", "-c", "echo waiting; sleep 300")
                .redirectErrorStream(true).redirectOutput(log), 300);
        assertThatThrownBy(() -> {
            Thread.sleep(300);
            Commands.awaitExit(process, 1, log, "the run");
        }).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the run did not finish within 1 s")
                .hasMessageContaining("waiting");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void pluginCoordinatesComeFromThePom(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <project><build><plugins>
                  <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
                  <plugin><groupId>io.github.dind</groupId><artifactId>devcontainer-maven-plugin</artifactId>
                    <version>1.2.3</version></plugin>
                </plugins></build></project>""");
        assertThat(Commands.pluginCoordinates(dir.toFile())).isEqualTo("io.github.dind:devcontainer-maven-plugin:1.2.3");
    }

    @Test
    void theBundledTemplatesAreOnTheClassPath() {
        assertThat(Commands.bundledTemplate("Dockerfile.mustache")).contains("ENTRYPOINT [\"dumb-init\", \"--\"");
        assertThatThrownBy(() -> Commands.bundledTemplate("no-such.mustache")).isInstanceOf(AssertionError.class);
    }

    @Test
    void replaceOnceNeedsTheMarkerExactlyOnce() {
        assertThat(Commands.replaceOnce("a-b-c", "-b-", "+")).isEqualTo("a+c");
        assertThatThrownBy(() -> Commands.replaceOnce("a-a", "a", "b")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Commands.replaceOnce("abc", "x", "b")).isInstanceOf(AssertionError.class);
    }

    @Test
    void mavenUnderTestIsTheExecutionsOrThisOne() {
        assertThat(Commands.mavenUnderTest(Map.of("mavenHome", "/opt/maven-x"))).isEqualTo(new File("/opt/maven-x"));
        if (System.getProperty("maven.home") != null) {
            assertThat(Commands.mavenUnderTest(Map.of())).isEqualTo(new File(System.getProperty("maven.home")));
        }
    }

    @Test
    void anUnknownHostToolIsAMistake(@TempDir Path dir) {
        assertThatThrownBy(() -> HostTools.require(dir.toFile(), "no-such-tool"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("podman");
    }
}
