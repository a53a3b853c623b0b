package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.run.ExecResult;
import com.github.dockerjava.api.DockerClient;
import io.github.dind.devcontainer.Errors;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker exec} with a timeout that does not leave the command running. Every exec runs
 * through {@code /bin/sh} (which every devcontainer image has: clients start it as the entrypoint)
 * so that its PID inside the container is known: the wrapper prints its own PID on stderr, runs the
 * command in a subshell that {@code exec}s it (so builtins never stand in for programs, as with a
 * plain {@code docker exec}), and then prints the command's exit status on stderr, tagged with a
 * fresh nonce. That line spares the exec inspect call per command; when it is missing (the wrapper
 * was killed), the exit code comes from the inspect call as before. When the command outlives its timeout, the wrapper and its descendants are stopped
 * and SIGKILLed inside the container — the Engine API has no call that ends an exec.
 */
final class ContainerExec {
    static final String PID_MARKER = "devcontainer-exec-pid ";
    static final String EXIT_MARKER = "devcontainer-exec-exit ";
    /** {@code $1} is the nonce, the rest the command. */
    static final String EXEC_WRAPPER = "printf '" + PID_MARKER + "%s\\n' \"$$\" >&2; n=$1; shift; (exec \"$@\"); s=$?;"
            + " printf '\\n" + EXIT_MARKER + "%s %s\\n' \"$n\" \"$s\" >&2; exit \"$s\"";
    /** Freezes a process, recurses into its children (proc(5), /proc/PID/task/TID/children), then SIGKILLs it. */
    static final String KILL_TREE = "kill_tree() { kill -STOP \"$1\" 2>/dev/null;"
            + " for c in $(cat /proc/\"$1\"/task/*/children 2>/dev/null); do kill_tree \"$c\"; done;"
            + " kill -KILL \"$1\" 2>/dev/null; }; kill_tree \"$1\"";
    private static final Pattern MARKER_LINE = Pattern.compile("\\A" + PID_MARKER + "(\\d+)\\n");
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final String containerId;

    ContainerExec(DockerClient docker, String containerId) {
        this.docker = docker;
        this.containerId = containerId;
    }

    /**
     * @throws ContainerException when the command does not finish within {@code timeout} (after
     *     killing it inside), its output is lost, or the thread is interrupted
     * @throws RuntimeException docker-java's, for the caller to translate (a 409 when the container is not running)
     */
    ExecResult run(String user, Duration timeout, String... command) {
        String line = String.join(" ", command);
        String nonce = nonce();
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", EXEC_WRAPPER, "sh", nonce));
        wrapped.addAll(List.of(command));
        String execId = docker.execCreateCmd(containerId).withCmd(wrapped.toArray(String[]::new)).withUser(user)
                .withAttachStdout(true).withAttachStderr(true).withTty(false).exec().getId();
        try (FrameCollector output = docker.execStartCmd(execId).exec(new FrameCollector())) {
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ContainerException(line + " did not finish within " + timeout.toMillis() + " ms; "
                        + killInside(output.stderr()));
            }
            if (output.error() != null) {
                throw new ContainerException("Lost the output of " + line + ": " + Errors.rootMessage(output.error()),
                        output.error());
            }
            String stderr = withoutMarker(output.stderr());
            Optional<Completion> completion = completion(stderr, nonce);
            if (completion.isPresent()) {
                return new ExecResult(completion.get().exitCode(), output.stdout(), completion.get().stderr());
            }
            Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.stdout(), stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while running " + line, e);
        } catch (IOException e) {
            throw new ContainerException("Lost the output of " + line, e);
        }
    }

    /** Kills the timed-out exec's process tree inside the container; says what happened. */
    private String killInside(String stderr) {
        Matcher pid = MARKER_LINE.matcher(stderr);
        if (!pid.find()) {
            return "its process inside the container could not be found to stop it";
        }
        try {
            String execId = docker.execCreateCmd(containerId).withCmd("/bin/sh", "-c", KILL_TREE, "sh", pid.group(1))
                    .withUser("root").withAttachStdout(true).withAttachStderr(true).exec().getId();
            try (FrameCollector output = docker.execStartCmd(execId).exec(new FrameCollector())) {
                boolean done = output.awaitCompletion(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return done ? "killed it inside the container (PID " + pid.group(1) + " and its children)"
                        : "killing it inside the container (PID " + pid.group(1) + ") did not finish";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while killing it inside the container (PID " + pid.group(1) + ")";
        } catch (IOException | RuntimeException e) {
            return "could not kill it inside the container (PID " + pid.group(1) + "): " + Errors.rootMessage(e);
        }
    }

    /** The command's exit status as the wrapper printed it, and its stderr without that line. */
    record Completion(int exitCode, String stderr) {
    }

    /**
     * The exit status line the wrapper printed with this nonce (after a newline of its own, dropped
     * with it), wherever it is: a background child of the command may write after it. Empty when
     * the wrapper printed none (it was killed).
     */
    static Optional<Completion> completion(String stderr, String nonce) {
        Matcher m = Pattern.compile("\\n" + EXIT_MARKER + Pattern.quote(nonce) + " (\\d{1,3})\\n").matcher(stderr);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Completion(Integer.parseInt(m.group(1)), stderr.substring(0, m.start()) + stderr.substring(m.end())));
    }

    /** 16 hex digits, fresh per exec: no output of a command can match its exit status line by accident. */
    static String nonce() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /** stderr without the wrapper's leading PID line. */
    static String withoutMarker(String stderr) {
        return MARKER_LINE.matcher(stderr).replaceFirst("");
    }
}
