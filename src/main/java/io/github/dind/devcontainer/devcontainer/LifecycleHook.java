package io.github.dind.devcontainer.devcontainer;

import java.util.List;

/**
 * One lifecycle hook of the merged configuration: the commands every configuration that sets it
 * contributes (the image's {@code devcontainer.metadata} entries first, devcontainer.json last), as
 * the devcontainer CLI keeps them (imageMetadata.ts {@code mergeLifecycleHooks}: a list per hook,
 * {@code onCreateCommands} ...). A client runs them one after another, each awaited, and stops at
 * the first that fails (injectHeadless.ts {@code runLifecycleCommands}); the entries of one command's
 * object form run in parallel ({@link LifecycleCommand#parallel()}).
 *
 * @param hook the property, e.g. {@code onCreateCommand} ({@link LifecycleCommand#HOOKS})
 * @param commands in the order they run; never empty
 */
public record LifecycleHook(String hook, List<LifecycleCommand> commands) {
    public LifecycleHook {
        commands = List.copyOf(commands);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a lifecycle hook without commands: " + hook);
        }
    }

    /** For messages: each command, in order, separated by {@code " then "}. */
    public String describe() {
        return String.join(" then ", commands.stream().map(LifecycleCommand::describe).toList());
    }
}
