package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.docker.Container;
import java.time.Duration;

/**
 * 12. {@code docker stop} finishes well before its grace period runs out (less than half): SIGTERM
 * reaches the processes through dumb-init instead of waiting for the SIGKILL. The first half of a
 * suspend/resume.
 */
final class StopCheck extends AbstractCheck {
    static final String ID = "stop";

    StopCheck(Duration gracePeriod) {
        super(ID, "docker stop takes under " + Polling.seconds(gracePeriod.dividedBy(2)), gracePeriod);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        long start = System.nanoTime();
        container.stop(timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.record(Timings.STOP, took);
        if (container.isRunning()) {
            return Observation.fail("the container is still running after docker stop");
        }
        return took.compareTo(timeout.dividedBy(2)) < 0
                ? Observation.pass("stopped in " + Polling.seconds(took))
                : Observation.fail("stopping took " + Polling.seconds(took) + " of the " + Polling.seconds(timeout)
                        + " grace period: SIGTERM does not reach the processes, or they ignore it");
    }
}
