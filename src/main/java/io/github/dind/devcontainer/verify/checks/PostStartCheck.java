package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.devcontainer.LifecycleHook;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The merged {@code postStartCommand} (the image label's and devcontainer.json's, one after another),
 * run as the remote user the way a client runs it after every start — here after the resume —
 * succeeds and leaves exactly one dockerd running.
 */
final class PostStartCheck extends AbstractCheck {
    static final String ID = "post-start";
    private final LifecycleHook hook;

    PostStartCheck(LifecycleHook hook, Duration timeout) {
        super(ID, "postStartCommand succeeds and starts no second dockerd", Set.of(ResumeCheck.ID), timeout);
        this.hook = hook;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        Optional<String> failure = LifecycleCommands.run(container, user, hook, timeout);
        if (failure.isPresent()) {
            return Observation.fail(failure.get());
        }
        int dockerds = ProcessTree.parse(container.exec(timeout, ProcessTree.READ_COMMAND).stdout()).named("dockerd").size();
        return dockerds == 1
                ? Observation.pass("exit code 0 as " + user + "; one dockerd")
                : Observation.fail(dockerds + " dockerd processes after the postStartCommand, expected 1");
    }
}
