package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
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
 * Runs one lifecycle command as a client does (devcontainers/cli, injectHeadless.ts
 * {@code runLifecycleCommand}): as the given user, a single command on its own, the entries of the
 * object form in parallel, waiting for all of them.
 */
final class LifecycleCommands {
    private LifecycleCommands() {
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
