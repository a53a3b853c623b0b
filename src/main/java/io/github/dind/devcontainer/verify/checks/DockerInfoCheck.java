package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.time.Instant;

/**
 * 4. {@code docker info} answers inside, polled every 50 ms; records the time from the container's
 * start to the first answer. Also used after a resume.
 */
final class DockerInfoCheck extends AbstractCheck {
    static final String ID = "docker-info";
    static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    DockerInfoCheck(Duration timeout) {
        super(ID, "docker info answers", timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        return waitForDockerd(container, timeout, timings, Timings.READY);
    }

    static Observation waitForDockerd(Container container, Duration timeout, Timings timings, String timing) {
        DaemonStatus status = new DaemonStatus(container);
        Observation seen = Polling.until(container, timeout, INTERVAL, () -> {
            ExecResult info = container.exec(ATTEMPT_TIMEOUT, "docker", "info", "--format", "{{.ServerVersion}} {{.Driver}}");
            // with --format, docker info exits 0 even when the daemon does not answer: the server part is just empty
            boolean answered = info.succeeded() && !info.stdout().isBlank() && !info.stdout().startsWith(" ");
            return answered ? Observation.pass(info.stdout().strip()) : Observation.fail(info.output());
        }, () -> status.failure().isPresent());
        if (!seen.passed()) {
            return Observation.fail("docker info did not answer: " + status.explain(seen));
        }
        Duration ready = Duration.between(container.startedAt(), Instant.now());
        timings.record(timing, ready);
        String[] versionAndDriver = seen.detail().split(" ", 2);
        return Observation.pass("Docker " + versionAndDriver[0]
                + (versionAndDriver.length > 1 ? " (storage driver " + versionAndDriver[1] + ")" : "")
                + " answered " + Polling.seconds(ready) + " after the start");
    }
}
