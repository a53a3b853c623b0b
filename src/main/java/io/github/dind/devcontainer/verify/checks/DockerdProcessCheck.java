package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.List;

/** 3. dockerd runs, and descends from PID 1 (so dumb-init forwards signals to it and reaps it). */
final class DockerdProcessCheck extends AbstractCheck {
    static final String ID = "dockerd";

    DockerdProcessCheck(Duration timeout) {
        super(ID, "dockerd runs under PID 1", timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        DaemonStatus status = new DaemonStatus(container);
        Observation seen = Polling.until(container, timeout, Duration.ofMillis(100), () -> look(container),
                () -> status.failure().isPresent());
        return seen.passed() ? seen : Observation.fail(status.explain(seen));
    }

    private Observation look(Container container) {
        ExecResult result = container.exec(timeout, ProcessTree.READ_COMMAND);
        ProcessTree tree = ProcessTree.parse(result.stdout());
        List<ProcStat> dockerds = tree.named("dockerd");
        if (dockerds.isEmpty()) {
            return Observation.fail("no dockerd process is running; processes: " + tree.describeAll());
        }
        for (ProcStat dockerd : dockerds) {
            if (tree.descendsFromPid1(dockerd)) {
                return Observation.pass(ProcessTree.describe(tree.ancestry(dockerd)));
            }
        }
        return Observation.fail("dockerd does not descend from PID 1: "
                + ProcessTree.describe(tree.ancestry(dockerds.get(0))));
    }
}
