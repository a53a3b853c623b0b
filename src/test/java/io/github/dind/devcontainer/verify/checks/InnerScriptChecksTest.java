package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import io.github.dind.devcontainer.testing.Processes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The offline network, socket, MTU, DNS and BuildKit checks, without Docker: their scripts and verdicts. */
class InnerScriptChecksTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** For {@code script(...)}, which asks the container nothing: any exec throws. */
    private static final Container NAMED = FakeContainer.expecting().named("app-verify-1a2b");

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

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

    /** Each check with its own script and the positional parameters it passes. */
    static Stream<Arguments> ownScripts() {
        return Stream.of(Arguments.of(new InnerNetworkCheck(TIMEOUT), InnerNetworkCheck.SCRIPT, ""),
                Arguments.of(new SocketInContainerCheck(TIMEOUT), SocketInContainerCheck.SCRIPT, ""),
                Arguments.of(new MtuCheck(TIMEOUT), MtuCheck.SCRIPT, ""),
                Arguments.of(new InnerDnsCheck(TIMEOUT), InnerDnsCheck.SCRIPT, " app-verify-1a2b"),
                Arguments.of(new BuildkitCheck(TIMEOUT), BuildkitCheck.SCRIPT, ""));
    }

    @ParameterizedTest
    @MethodSource("ownScripts")
    void eachRunsThePreludeAndItsOwnScriptInBash(InnerScriptCheck check, String script, String parameters) {
        FakeContainer container = containers.expecting().named("app-verify-1a2b")
                .on("bash -c " + InnerScriptCheck.PRELUDE + script + " devcontainer-verify" + parameters, ok("evidence\n"));

        assertThat(check.run(container, new Timings())).isEqualTo(Observation.pass("evidence"));
    }

    @Test
    void theLastLineIsTheEvidenceAndAFailureKeepsTheOutput() {
        String mtu = "bash -c " + InnerScriptCheck.PRELUDE + MtuCheck.SCRIPT + " devcontainer-verify";
        FakeContainer passing = containers.expecting().on(mtu, ok("Loaded image\nuplink eth0 1400; inner default bridge 1400\n"));
        assertThat(new MtuCheck(TIMEOUT).run(passing, new Timings()))
                .isEqualTo(Observation.pass("uplink eth0 1400; inner default bridge 1400"));

        FakeContainer failing = containers.expecting().on(mtu, exit(1, "inner MTU above the uplink's"));
        Observation seen = new MtuCheck(TIMEOUT).run(failing, new Timings());
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("exit code 1", "inner MTU above the uplink's");
    }
}
