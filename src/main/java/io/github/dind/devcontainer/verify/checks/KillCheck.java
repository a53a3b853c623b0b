package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * After {@code docker kill} (what a host crash or an OOM kill does: no shutdown at all) and
 * {@code docker start}, dockerd comes back and answers despite the stale pid files, socket and
 * containerd state the killed daemon left.
 */
final class KillCheck extends AbstractCheck {
    static final String ID = "kill";
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10);

    KillCheck(Duration timeout) {
        super(ID, "dockerd answers again after docker kill and start", Set.of(DockerInfoCheck.ID), timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) throws InterruptedException {
        if (!container.isRunning()) {
            container.start();
        }
        container.kill();
        long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
        while (container.isRunning()) {
            if (System.nanoTime() > deadline) {
                return Observation.fail("the container still runs " + Polling.seconds(STOPPED_WITHIN) + " after docker kill");
            }
            Thread.sleep(50);
        }
        container.start();
        return DockerInfoCheck.waitForDockerd(container, timeout, timings, Timings.READY_AFTER_KILL);
    }
}
