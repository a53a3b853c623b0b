package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.devcontainer.LifecycleHook;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One lifecycle hook ({@code onCreateCommand} ... {@code postAttachCommand}) of the merged
 * configuration, run right after the first start, in the spec's order and as the remote user, the
 * way a client runs it — which does not wait for the entrypoint: a command that needs dockerd passes
 * only when a command before it waits. Its commands (the image label's, then devcontainer.json's) run
 * one after another; a failed one skips the rest and the later hooks, as a client stops at the first
 * failure.
 */
final class LifecycleCheck extends AbstractCheck {
    static final String PREFIX = "lifecycle:";
    private final LifecycleHook hook;

    LifecycleCheck(LifecycleHook hook, Set<String> requires, Duration timeout) {
        super(PREFIX + hook.hook(), hook.hook() + " succeeds as the remote user"
                + (hook.commands().size() > 1 ? " (" + hook.commands().size() + " commands, one after another)" : "")
                + (hook.commands().stream().anyMatch(c -> c.parallel()) ? " (an object's commands in parallel)" : ""),
                requires, timeout);
        this.hook = hook;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        Optional<String> failure = LifecycleCommands.run(container, user, hook, timeout);
        return failure.map(Observation::fail)
                .orElseGet(() -> Observation.pass("exit code 0 as " + user + ": " + hook.describe()));
    }
}
