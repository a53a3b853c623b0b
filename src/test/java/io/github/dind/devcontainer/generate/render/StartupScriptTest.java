package io.github.dind.devcontainer.generate.render;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.Processes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * startup.sh's function-level tests ({@code src/test/bats/startup.bats}, bats-core with bats-support,
 * bats-assert and bats-file from Debian's packages), run as part of {@code mvn test}: each decision
 * the script makes, against a prepared root folder and stub commands, no Docker. Missing bats skips
 * this locally and fails it under {@code CI=true} ({@link Processes#requireTool}); it/prepare-host
 * installs it. They run twice: with the GNU tools (Debian, Ubuntu) and with busybox's (Alpine,
 * Wolfi: {@code find}, {@code stat}, {@code timeout}, {@code tail} ... of busybox; bash stays bash),
 * both at once (each mostly waits on its processes; src/test/resources/junit-platform.properties).
 */
@Execution(ExecutionMode.CONCURRENT)
class StartupScriptTest {
    private static void passes(String... environment) {
        List<String> command = new java.util.ArrayList<>(List.of("env"));
        command.addAll(List.of(environment));
        command.addAll(List.of("bats", "--tap", "src/test/bats"));
        Processes.requireTool("bats");
        Processes.Result result = Processes.run(command, "", java.time.Duration.ofMinutes(5));

        assertThat(result.stdout()).as("bats' own output").contains("1..").doesNotContain("not ok");
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void everyFunctionLevelTestPassesWithGnuTools() {
        passes();
    }

    @Test
    void everyFunctionLevelTestPassesWithBusyboxTools() {
        Processes.requireTool("busybox");
        passes("STARTUP_TEST_BUSYBOX=1");
    }
}
