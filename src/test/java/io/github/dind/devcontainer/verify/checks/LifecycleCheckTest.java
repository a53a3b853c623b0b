package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import io.github.dind.devcontainer.testing.FakeContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Timings timings = new Timings();

    private static LifecycleCheck check(LifecycleCommand command) {
        return new LifecycleCheck(command, Set.of("running"), TIMEOUT);
    }

    @Test
    void aStringRunsThroughShAsTheRemoteUser() {
        FakeContainer container = new FakeContainer(cmd -> ok("")).remoteUser("dev");

        Observation seen = check(LifecycleCommand.shell("postCreateCommand", "docker info && echo ok")).run(container, timings);

        assertThat(seen.passed()).isTrue();
        assertThat(seen.detail()).isEqualTo("exit code 0 as dev: /bin/sh -c docker info && echo ok");
        assertThat(container.commands()).containsExactly("dev$ /bin/sh -c docker info && echo ok");
    }

    @Test
    void anArrayRunsAsGivenAndAFailureNamesTheCommandUserAndOutput() {
        FakeContainer container = new FakeContainer(cmd -> exit(3, "no daemon"));

        Observation seen = check(LifecycleCommand.exec("onCreateCommand", List.of("docker", "info"))).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("`docker info` as root exited with 3: no daemon");
        assertThat(container.commands()).containsExactly("docker info");
    }

    @Test
    void theObjectFormRunsItsEntriesInParallelAndFailsWhenOneFails() {
        CountDownLatch both = new CountDownLatch(2);
        FakeContainer container = new FakeContainer(cmd -> {
            both.countDown();
            try {
                // each entry waits for the other: sequential runs would wait out the latch and fail
                if (!both.await(3, TimeUnit.SECONDS)) {
                    return exit(124, "ran alone");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cmd.contains("bad") ? exit(1, "broken") : ok("");
        });
        LifecycleCommand command = new LifecycleCommand("postAttachCommand",
                Map.of("good", List.of("/bin/sh", "-c", "good"), "bad", List.of("bad")), true);

        Observation seen = check(command).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("bad: `bad` as root exited with 1: broken");
        assertThat(container.commands()).containsExactlyInAnyOrder("/bin/sh -c good", "bad");
    }

    @Test
    void idsAndDescriptionsNameTheHook() {
        LifecycleCheck check = check(LifecycleCommand.shell("onCreateCommand", "true"));
        assertThat(check.id()).isEqualTo("lifecycle:onCreateCommand");
        assertThat(check.description()).isEqualTo("onCreateCommand succeeds as the remote user");
    }
}
