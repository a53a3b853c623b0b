package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LifecycleCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Timings timings = new Timings();

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    private static LifecycleCheck check(LifecycleCommand command) {
        return new LifecycleCheck(command, Set.of("running"), TIMEOUT);
    }

    @Test
    void aStringRunsThroughShAsTheRemoteUser() {
        FakeContainer container = containers.expecting().remoteUser("dev").on("dev$ /bin/sh -c docker info && echo ok", ok(""));

        Observation seen = check(LifecycleCommand.shell("postCreateCommand", "docker info && echo ok")).run(container, timings);

        assertThat(seen.passed()).isTrue();
        assertThat(seen.detail()).isEqualTo("exit code 0 as dev: /bin/sh -c docker info && echo ok");
    }

    @Test
    void anArrayRunsAsGivenAndAFailureNamesTheCommandUserAndOutput() {
        FakeContainer container = containers.expecting().on("docker info", exit(3, "no daemon"));

        Observation seen = check(LifecycleCommand.exec("onCreateCommand", List.of("docker", "info"))).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("`docker info` as root exited with 3: no daemon");
    }

    @Test
    void theObjectFormRunsItsEntriesInParallelAndFailsWhenOneFails() {
        CountDownLatch both = new CountDownLatch(2);
        // each entry waits for the other: sequential runs would wait out the latch and fail; an
        // unexpected command would only show in the failure message, and FakeContainers fails the test
        FakeContainer container = containers.expecting()
                .on("/bin/sh -c good", () -> meet(both, ok("")))
                .on("bad", () -> meet(both, exit(1, "broken")));
        LifecycleCommand command = new LifecycleCommand("postAttachCommand",
                Map.of("good", List.of("/bin/sh", "-c", "good"), "bad", List.of("bad")), true);

        Observation seen = check(command).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("bad: `bad` as root exited with 1: broken");
        assertThat(container.commands()).containsExactlyInAnyOrder("/bin/sh -c good", "bad");
    }

    private static ExecResult meet(CountDownLatch both, ExecResult answer) {
        both.countDown();
        try {
            if (!both.await(3, TimeUnit.SECONDS)) {
                return exit(124, "ran alone");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }

    @Test
    void idsAndDescriptionsNameTheHook() {
        LifecycleCheck check = check(LifecycleCommand.shell("onCreateCommand", "true"));
        assertThat(check.id()).isEqualTo("lifecycle:onCreateCommand");
        assertThat(check.description()).isEqualTo("onCreateCommand succeeds as the remote user");
    }
}
