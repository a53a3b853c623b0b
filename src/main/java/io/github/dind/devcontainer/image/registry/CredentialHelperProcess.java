package io.github.dind.devcontainer.image.registry;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A docker credential helper run as the docker CLI runs it (docker/docker-credential-helpers
 * {@code client/client.go} {@code Get} and {@code client/command.go}): {@code docker-credential-<name> get},
 * the server address on stdin, its JSON answer on stdout. Its stderr is not part of the answer (the
 * docker CLI passes it through to its own stderr), so a helper's warnings there do not spoil the JSON.
 * A non-zero exit with {@code credentials not found in native keychain} ({@code credentials/error.go})
 * means no login; some helpers write that to stderr, which counts too.
 *
 * <p>Unlike the docker CLI, which waits for a helper forever, the whole exchange — writing stdin,
 * reading stdout and stderr, waiting for the exit — has a time limit ({@link #DEFAULT_LIMIT}); a helper
 * that has not answered by then (a keychain prompt no one sees, a locked keyring) is killed, with
 * the processes it started.
 */
final class CredentialHelperProcess {
    /** How long a helper may take: 30 s. */
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);
    /** Most of an answer or of stderr that is kept (bytes); the rest is read and dropped. */
    private static final int KEPT_BYTES = 1 << 20;
    /** Most of stderr that a message or log line quotes (characters). */
    private static final int QUOTED_CHARS = 2000;
    /** How long a killed helper may take to be gone before the error is thrown anyway. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Console console;
    private final Path directory;
    private final Duration limit;

    /**
     * Runs helpers from the PATH with the {@link #DEFAULT_LIMIT}.
     *
     * @param console gets the helper's stderr at debug when it answers or has no login (a failure's
     *     error quotes it)
     */
    CredentialHelperProcess(Console console) {
        this(console, null, DEFAULT_LIMIT);
    }

    /**
     * @param console gets the helper's stderr at debug when it answers or has no login
     * @param directory where {@code docker-credential-<name>} is; null: the PATH
     * @param limit how long the whole exchange may take, e.g. {@link #DEFAULT_LIMIT}
     */
    CredentialHelperProcess(Console console, Path directory, Duration limit) {
        this.console = Objects.requireNonNull(console, "console");
        this.directory = directory;
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Runs {@code docker-credential-<helper> get} with {@code serverAddress} on stdin.
     *
     * @return the helper's stdout, stripped; empty when it has no login for the server
     * @throws InterruptedIOException when the thread is interrupted while it waits (the helper is
     *     killed and the thread's interrupt flag set again)
     * @throws IOException when the name is not a helper name, the helper cannot be started (not on
     *     the PATH), exits non-zero for another reason than a missing login (the message quotes its
     *     stdout and stderr), or does not answer within the limit (30 s unless told otherwise; it is
     *     killed, with its descendants)
     */
    Optional<String> get(String helper, String serverAddress) throws IOException {
        if (!helper.matches("[A-Za-z0-9_.-]+")) {
            throw new IOException("'" + helper + "' is not a credential helper name");
        }
        String program = "docker-credential-" + helper;
        String executable = directory == null ? program : directory.resolve(program).toString();
        Process process;
        try {
            process = new ProcessBuilder(executable, "get").start();
        } catch (IOException e) {
            throw new IOException("cannot start " + program + " (is it on the PATH?): " + e.getMessage());
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Drain errors = new Drain(process.getErrorStream());
        FutureTask<byte[]> stdout = background(program + " stdout", new Drain(process.getInputStream()));
        FutureTask<byte[]> stderr = background(program + " stderr", errors);
        background(program + " stdin", () -> send(process.getOutputStream(), serverAddress));
        byte[] out;
        byte[] err;
        boolean exited = false;
        try {
            exited = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!exited) {
                throw new TimeoutException();
            }
            // a process the helper started may still hold the pipes: the limit covers reading them too
            out = stdout.get(remaining(deadline), TimeUnit.NANOSECONDS);
            err = stderr.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            kill(process);
            String said = quoted("stderr", settled(stderr, errors));
            throw new IOException(exited
                    ? program + " exited, but a process it started kept its output open past the " + seconds(limit)
                            + " s limit" + (said.isEmpty() ? "" : " (" + said + ")")
                    : program + " did not answer within " + seconds(limit) + " s and was stopped"
                            + (said.isEmpty() ? "" : " (" + said + ")") + "; it may be waiting for a keychain"
                            + " or keyring to be unlocked, or for a prompt no one sees: unlock it, or run `" + program
                            + " get` by hand with " + serverAddress + " on stdin to see what it waits for");
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + program + ", which was stopped");
        } catch (ExecutionException e) {
            kill(process);
            // no cause: the lookup quotes the innermost message, and this one says whose it is
            throw new IOException("cannot read what " + program + " answered: " + Errors.rootMessage(e));
        }
        String answer = text(out);
        String warnings = text(err);
        int exit = process.exitValue();
        if (exit != 0) {
            if (notFound(answer) || notFound(warnings)) {
                if (!warnings.isEmpty()) {
                    console.debug(program + " has no login for " + serverAddress + "; " + quoted("stderr", warnings));
                }
                return Optional.empty();
            }
            String said = Stream.of(quoted("stdout", answer), quoted("stderr", warnings))
                    .filter(q -> !q.isEmpty()).collect(Collectors.joining("; "));
            throw new IOException(program + " get exited with code " + exit + (said.isEmpty() ? "" : " (" + said + ")"));
        }
        if (!warnings.isEmpty()) {
            console.debug(program + " answered for " + serverAddress + "; " + quoted("stderr", warnings));
        }
        return Optional.of(answer);
    }

    private static boolean notFound(String text) {
        return text.toLowerCase(Locale.ROOT).contains("credentials not found");
    }

    /**
     * Reads a stream to its end, so the helper never blocks on a full pipe, and keeps the first
     * {@link #KEPT_BYTES}; what it has kept so far stays readable when the kill closes the stream.
     */
    private static final class Drain implements Callable<byte[]> {
        private final InputStream stream;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public byte[] call() throws IOException {
            byte[] chunk = new byte[8192];
            try (InputStream in = stream) {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    synchronized (kept) {
                        kept.write(chunk, 0, Math.min(n, Math.max(0, KEPT_BYTES - kept.size())));
                    }
                }
            }
            return kept();
        }

        byte[] kept() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }

    /**
     * Writes the address and closes stdin. A helper that exits without reading it makes the write
     * fail; that is not an error of its own (the exit code and stdout tell), as with the docker CLI.
     */
    private static Void send(OutputStream stream, String serverAddress) {
        try (OutputStream in = stream) {
            in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the helper closed its stdin
        }
        return null;
    }

    private static <T> FutureTask<T> background(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** Kills the helper and every process it started, and waits (briefly) until the helper is gone. */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a killed helper's reader has kept, after a moment to read the last of it. */
    private static String settled(FutureTask<byte[]> reader, Drain drain) {
        try {
            reader.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the kill closed the stream, or a process the helper started still holds it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text(drain.kept());
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    /** {@code stderr: `text`}, clipped; empty for no text. */
    private static String quoted(String stream, String text) {
        return text.isEmpty() ? "" : stream + ": `" + clip(text) + "`";
    }

    private static String clip(String text) {
        return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + " …";
    }

    /** {@code 30} for 30 s, {@code 1.5} for 1500 ms. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
