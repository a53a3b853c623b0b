package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 13. After {@code docker stop} and {@code docker start} (what a suspend/resume does), dockerd comes
 * back and answers: stale pid files from the killed daemon must not stop it.
 */
final class ResumeCheck extends AbstractCheck {
    static final String ID = "resume";

    ResumeCheck(Duration timeout) {
        super(ID, "dockerd answers again after a stop and start", Set.of(StopCheck.ID), timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        container.start();
        return DockerInfoCheck.waitForDockerd(container, timeout, timings, Timings.READY_AFTER_RESUME);
    }
}
