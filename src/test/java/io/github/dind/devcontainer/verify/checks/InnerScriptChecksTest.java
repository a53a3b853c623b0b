package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.Processes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The offline network, socket, MTU, DNS and BuildKit checks, without Docker: their scripts and verdicts. */
class InnerScriptChecksTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Container NAMED = new FakeContainer(cmd -> ok("")).named("app-verify-1a2b");

    static Stream<InnerScriptCheck> checks() {
        return Stream.of(new InnerNetworkCheck(TIMEOUT), new SocketInContainerCheck(TIMEOUT), new MtuCheck(TIMEOUT),
                new InnerDnsCheck(TIMEOUT), new BuildkitCheck(TIMEOUT));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void eachScriptIsShellcheckCleanBash(InnerScriptCheck check) {
        String script = "#!/usr/bin/env bash\n" + InnerScriptCheck.PRELUDE + check.script(NAMED);

        Processes.Result result = Processes.run(List.of("shellcheck", "--severity=warning", "-"), script);

        assertThat(result.exitCode()).as(check.id() + ":\n" + result.stdout()).isZero();
    }

    @ParameterizedTest
    @MethodSource("checks")
    void eachNeedsAWorkingInnerDaemonFirst(InnerScriptCheck check) {
        assertThat(check.requires()).containsAnyOf(InnerContainerCheck.ID, DockerInfoCheck.ID);
        assertThat(check.script(NAMED)).doesNotContain("docker pull", "--pull=always");
    }

    @Test
    void theLastLineIsTheEvidenceAndAFailureKeepsTheOutput() {
        FakeContainer passing = new FakeContainer(cmd -> ok("Loaded image\nuplink eth0 1400; inner default bridge 1400\n"));
        assertThat(new MtuCheck(TIMEOUT).run(passing, new Timings()))
                .isEqualTo(Observation.pass("uplink eth0 1400; inner default bridge 1400"));

        FakeContainer failing = new FakeContainer(cmd -> exit(1, "inner MTU above the uplink's"));
        Observation seen = new MtuCheck(TIMEOUT).run(failing, new Timings());
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("exit code 1", "inner MTU above the uplink's");
    }

    @Test
    void theDnsCheckAsksForTheDevcontainersOwnName() {
        FakeContainer container = new FakeContainer(cmd -> ok("")).named("app-verify-1a2b");
        new InnerDnsCheck(TIMEOUT).run(container, new Timings());

        assertThat(container.commands()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("bash -c set -euo pipefail");
            assertThat(line).endsWith(" devcontainer-verify app-verify-1a2b");
        });
    }
}
