package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.List;

/** 2. PID 1 is dumb-init, read from {@code /proc/1/cmdline}. */
final class Pid1Check extends AbstractCheck {
    static final String ID = "pid1";

    Pid1Check(Duration timeout) {
        super(ID, "PID 1 is dumb-init", timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult result = container.exec(timeout, "cat", "/proc/1/cmdline");
        if (!result.succeeded()) {
            return Observation.fail("cannot read /proc/1/cmdline: " + result.output());
        }
        List<String> argv = List.of(result.stdout().split("\0"));
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String cmdline = String.join(" ", argv).strip();
        if ("dumb-init".equals(program)) {
            return Observation.pass("PID 1: " + cmdline);
        }
        String hint = program.endsWith("sh") && cmdline.contains("while sleep 1")
                ? " (the devcontainer client's own sleep loop: devcontainer.json needs \"overrideCommand\": false)"
                : " (the image's ENTRYPOINT must start with dumb-init)";
        return Observation.fail("PID 1 is " + cmdline + hint);
    }
}
