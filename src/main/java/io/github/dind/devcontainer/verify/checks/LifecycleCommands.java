package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import io.github.dind.devcontainer.devcontainer.LifecycleHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one lifecycle hook as a client does (devcontainers/cli, injectHeadless.ts
 * {@code runLifecycleCommands} and {@code runLifecycleCommand}): as the given user, its commands one
 * after another, stopping at the first that fails; a single command on its own, the entries of the
 * object form in parallel, waiting for all of them.
 */
final class LifecycleCommands {
    private LifecycleCommands() {
    }

    /**
     * @param timeout the bound of each command's exec
     * @return empty when every command exited with 0, else what failed (naming its place when the hook has several)
     */
    static Optional<String> run(Container container, String user, LifecycleHook hook, Duration timeout) {
        List<LifecycleCommand> commands = hook.commands();
        for (int i = 0; i < commands.size(); i++) {
            Optional<String> failure = run(container, user, commands.get(i), timeout);
            if (failure.isPresent()) {
                return commands.size() == 1 ? failure
                        : Optional.of("command " + (i + 1) + " of " + commands.size() + ": " + failure.get()
                                + (i + 1 < commands.size() ? " (the later ones did not run)" : ""));
            }
        }
        return Optional.empty();
    }

    /** @return empty when every entry exited with 0, else what failed, one entry per part */
    static Optional<String> run(Container container, String user, LifecycleCommand command, Duration timeout) {
        if (!command.parallel()) {
            List<String> argv = command.entries().values().iterator().next();
            return failure(argv, user, container.execAs(user, timeout, argv.toArray(String[]::new)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(command.entries().size());
        try {
            Map<String, CompletableFuture<Optional<String>>> running = new LinkedHashMap<>();
            command.entries().forEach((name, argv) -> running.put(name, CompletableFuture.supplyAsync(
                    () -> failure(argv, user, container.execAs(user, timeout, argv.toArray(String[]::new))), pool)));
            List<String> failures = new ArrayList<>();
            running.forEach((name, result) -> {
                try {
                    result.join().ifPresent(f -> failures.add(name + ": " + f));
                } catch (CompletionException e) {
                    failures.add(name + ": " + e.getCause().getMessage());
                }
            });
            return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<String> failure(List<String> argv, String user, ExecResult result) {
        return result.succeeded() ? Optional.empty() : Optional.of("`" + String.join(" ", argv) + "` as " + user
                + " exited with " + result.exitCode() + ": " + result.output());
    }
}
