package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.docker.Container;
import io.github.dind.devcontainer.docker.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The devcontainer.json's {@code postStartCommand}, run as its remote user the way a client runs it
 * after every start, succeeds and leaves exactly one dockerd running.
 */
final class PostStartCheck extends AbstractCheck {
    static final String ID = "post-start";
    private final List<String> command;
    private final String user;

    PostStartCheck(List<String> command, String user, Duration timeout) {
        super(ID, "postStartCommand succeeds and starts no second dockerd", Set.of(ResumeCheck.ID), timeout);
        this.command = List.copyOf(command);
        this.user = user;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult result = container.execAs(user, timeout, command.toArray(String[]::new));
        if (!result.succeeded()) {
            return Observation.fail("`" + String.join(" ", command) + "` as " + user + " exited with " + result.exitCode()
                    + ": " + result.output());
        }
        int dockerds = ProcessTree.parse(container.exec(timeout, ProcessTree.READ_COMMAND).stdout()).named("dockerd").size();
        return dockerds == 1
                ? Observation.pass("exit code 0 as " + user + "; one dockerd")
                : Observation.fail(dockerds + " dockerd processes after the postStartCommand, expected 1");
    }
}
