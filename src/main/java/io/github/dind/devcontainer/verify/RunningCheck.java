package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.docker.Container;
import java.util.Set;

/** 1. The container did not exit on start: a devcontainer must stay up with no terminal attached. */
final class RunningCheck implements Check {
    static final String ID = "running";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the container is running";
    }

    @Override
    public Set<String> requires() {
        return Set.of();
    }

    @Override
    public Observation run(Container container, Timings timings) {
        return container.isRunning() ? Observation.pass("running") : Observation.fail("it " + container.state());
    }
}
