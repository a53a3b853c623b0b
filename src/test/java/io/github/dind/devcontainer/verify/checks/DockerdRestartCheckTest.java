package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.testing.FakeContainer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DockerdRestartCheckTest {
    private static final String POLL = "/bin/sh -c p=$(cat /var/run/docker.pid 2>/dev/null) && [ \"$p\" != 101 ]"
            + " && [ \"$(cat /proc/$p/comm)\" = dockerd ] && echo \"$p\" && docker info --format '{{.ServerVersion}}'";

    /** Answers exactly the commands the check must ask; anything else is a wrong question. */
    private static Function<String, ExecResult> daemon(int pollsUntilBack) {
        AtomicInteger polls = new AtomicInteger();
        return command -> switch (command) {
            case "cat /var/run/docker.pid" -> ok("101\n");
            case "kill -KILL 101" -> ok("");
            case "cat /run/devcontainer-dockerd.status" -> ok("restarting: dockerd exited on its own\n");
            case POLL -> polls.incrementAndGet() >= pollsUntilBack ? ok("202\n26.1.5\n") : exit(1, "");
            default -> throw new AssertionError("unexpected command: " + command);
        };
    }

    @Test
    void killsDockerdAndWaitsForANewOneToAnswer() {
        FakeContainer container = new FakeContainer(daemon(3));
        Timings timings = new Timings();

        Observation seen = new DockerdRestartCheck(Duration.ofSeconds(10)).run(container, timings);

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).startsWith("killed dockerd 101; dockerd 202 answered ");
        assertThat(container.commands()).startsWith("cat /var/run/docker.pid", "kill -KILL 101", POLL, POLL, POLL)
                .hasSize(5);
        assertThat(timings.get(Timings.READY_AFTER_DOCKERD_KILL)).isPresent();
    }

    @Test
    void noNewDockerdWithinTheTimeoutFailsWithWhatTheStatusFileSays() {
        FakeContainer container = new FakeContainer(daemon(Integer.MAX_VALUE));

        Observation seen = new DockerdRestartCheck(Duration.ofSeconds(1)).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("dockerd 101 was killed and none answered within 1.00 s")
                .endsWith("the status file says: restarting: dockerd exited on its own");
    }

    @Test
    void withoutAPidFileThereIsNothingToKill() {
        FakeContainer container = new FakeContainer(command -> command.equals("cat /var/run/docker.pid")
                ? exit(1, "cat: /var/run/docker.pid: No such file or directory") : ok(""));

        Observation seen = new DockerdRestartCheck(Duration.ofSeconds(1)).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("no dockerd pid in /var/run/docker.pid: ");
        assertThat(container.commands()).containsExactly("cat /var/run/docker.pid");
    }
}
