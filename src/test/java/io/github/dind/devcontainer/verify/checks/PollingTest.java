package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Polling itself runs no command: its containers expect none, and the attempts here exec nothing. */
class PollingTest {
    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    @Test
    void attemptsWhoseExecRanDoNotAskWhetherTheContainerRunsMoreThanEvery500Ms() {
        FakeContainer container = containers.expecting();
        AtomicInteger attempts = new AtomicInteger();

        Observation seen = Polling.until(container, Duration.ofSeconds(5), Duration.ofMillis(10),
                () -> attempts.incrementAndGet() < 30 ? Observation.fail("not yet") : Observation.pass("now"));

        assertThat(seen.passed()).isTrue();
        assertThat(attempts).hasValue(30);
        assertThat(container.runningAsked()).as("about 300 ms of attempts").isLessThanOrEqualTo(1);
    }

    @Test
    void anAttemptThatCouldNotExecAsksAtOnceAndAStoppedContainerEndsTheWait() {
        FakeContainer container = containers.expecting().stopped();
        AtomicInteger attempts = new AtomicInteger();

        Observation seen = Polling.until(container, Duration.ofSeconds(30), Duration.ofMillis(10), () -> {
            attempts.incrementAndGet();
            throw new ContainerException("The container is not running (exited with code 1)");
        });

        assertThat(attempts).hasValue(1);
        assertThat(container.runningAsked()).isEqualTo(1);
        assertThat(seen.detail()).startsWith("the container stopped (exited with code 1)");
    }

    @Test
    void aContainerThatStoppedWhileExecsStillReturnedIsNoticedWithinTheInterval() {
        FakeContainer container = containers.expecting().stopped();
        long start = System.nanoTime();

        Observation seen = Polling.until(container, Duration.ofSeconds(30), Duration.ofMillis(10), () -> Observation.fail("no"));

        assertThat(seen.detail()).startsWith("the container stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theLastAttemptBeforeTheDeadlineAsksSoAStoppedContainerIsNamed() {
        FakeContainer container = containers.expecting().stopped();

        Observation seen = Polling.until(container, Duration.ofMillis(1), Duration.ofMillis(10), () -> Observation.fail("no"));

        assertThat(seen.detail()).startsWith("the container stopped");
    }
}
