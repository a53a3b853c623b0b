package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import io.github.dind.devcontainer.devcontainer.LifecycleHook;
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

    private static LifecycleCheck check(LifecycleCommand... commands) {
        return new LifecycleCheck(new LifecycleHook(commands[0].hook(), List.of(commands)), Set.of("running"), TIMEOUT);
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
    void theCommandsOfAHookRunOneAfterAnotherAndTheFirstFailureEndsIt() {
        // the image label's readiness wait, then devcontainer.json's own: the second starts only once
        // the first has ended (the CLI awaits each: injectHeadless.ts runLifecycleCommands)
        CountDownLatch firstEnded = new CountDownLatch(1);
        FakeContainer container = containers.expecting()
                .on("/bin/sh -c wait-for-dockerd", () -> {
                    sleep(300);
                    firstEnded.countDown();
                    return ok("");
                })
                .on("/bin/sh -c docker info", () -> firstEnded.getCount() == 0 ? ok("") : exit(1, "ran before the wait ended"));

        Observation seen = check(LifecycleCommand.shell("onCreateCommand", "wait-for-dockerd"),
                LifecycleCommand.shell("onCreateCommand", "docker info")).run(container, timings);

        assertThat(seen).isEqualTo(Observation.pass(
                "exit code 0 as root: /bin/sh -c wait-for-dockerd then /bin/sh -c docker info"));
        assertThat(container.commands()).containsExactly("/bin/sh -c wait-for-dockerd", "/bin/sh -c docker info");

        FakeContainer failing = containers.expecting().on("/bin/sh -c first", exit(2, "no"));
        Observation failed = check(LifecycleCommand.shell("postCreateCommand", "first"),
                LifecycleCommand.shell("postCreateCommand", "second")).run(failing, timings);
        assertThat(failed).isEqualTo(Observation.fail(
                "command 1 of 2: `/bin/sh -c first` as root exited with 2: no (the later ones did not run)"));
        assertThat(failing.commands()).containsExactly("/bin/sh -c first");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void idsAndDescriptionsNameTheHook() {
        LifecycleCheck check = check(LifecycleCommand.shell("onCreateCommand", "true"));
        assertThat(check.id()).isEqualTo("lifecycle:onCreateCommand");
        assertThat(check.description()).isEqualTo("onCreateCommand succeeds as the remote user");
        assertThat(check(LifecycleCommand.shell("onCreateCommand", "a"), LifecycleCommand.shell("onCreateCommand", "b"))
                .description()).isEqualTo("onCreateCommand succeeds as the remote user (2 commands, one after another)");
    }
}
