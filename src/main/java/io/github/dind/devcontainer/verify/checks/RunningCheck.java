package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/** 1. The container did not exit on start: a devcontainer must stay up with no terminal attached. */
final class RunningCheck extends AbstractCheck {
    static final String ID = "running";

    RunningCheck() {
        super(ID, "the container is running", Set.of(), Duration.ZERO);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        return container.isRunning() ? Observation.pass("running") : Observation.fail("it " + container.state());
    }
}
