package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One devcontainer.json lifecycle command ({@code onCreateCommand} ... {@code postAttachCommand}),
 * run right after the first start, in the spec's order and as the remote user, the way a client
 * runs it — which does not wait for the entrypoint: a command that needs dockerd passes only when
 * the configuration makes it wait. A failed one skips the later ones, as a client stops at the
 * first failure.
 */
final class LifecycleCheck extends AbstractCheck {
    static final String PREFIX = "lifecycle:";
    private final LifecycleCommand command;

    LifecycleCheck(LifecycleCommand command, Set<String> requires, Duration timeout) {
        super(PREFIX + command.hook(), command.hook() + " succeeds as the remote user"
                + (command.parallel() ? " (its commands in parallel)" : ""), requires, timeout);
        this.command = command;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        Optional<String> failure = LifecycleCommands.run(container, user, command, timeout);
        return failure.map(Observation::fail)
                .orElseGet(() -> Observation.pass("exit code 0 as " + user + ": " + command.describe()));
    }
}
