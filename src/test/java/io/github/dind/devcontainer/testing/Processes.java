package io.github.dind.devcontainer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a local tool (bash, shellcheck) for a test; no Docker. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs a command with the given stdin. A missing tool skips the test locally but fails it
     * when {@code CI=true}: CI must not silently lose a check.
     */
    public static Result run(List<String> command, String stdin) {
        return run(command, stdin, java.time.Duration.ofSeconds(60));
    }

    /** As {@link #run(List, String)}, within {@code limit}; a command still running then is killed and fails the test. */
    public static Result run(List<String> command, String stdin, java.time.Duration limit) {
        requireTool(command.get(0));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> out = readAsync(process.getInputStream());
            CompletableFuture<String> err = readAsync(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + limit.toSeconds() + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    public static void requireTool(String tool) {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool)));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(tool + " is not installed, and CI=true: install it"
                    + " (../shared/docker-host/provision installs shellcheck)");
        }
        assumeTrue(present, tool + " is not installed; skipped outside CI");
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
