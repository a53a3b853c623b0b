package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.docker.Resources.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A container started by {@link DockerEngine}: exec with a timeout, logs, files, stop, start,
 * kill. docker-java's runtime exceptions become {@link ContainerException}s naming the host.
 *
 * <p>Every exec runs through {@code /bin/sh} (which every devcontainer image has: clients start it
 * as the entrypoint) so that its PID inside the container is known: the wrapper prints it on stderr
 * and {@code exec}s the command. When the command outlives its timeout, it and its descendants are
 * stopped and SIGKILLed inside the container — the Engine API has no call that ends an exec.
 */
public final class DockerContainer implements Container {
    static final String PID_MARKER = "devcontainer-exec-pid ";
    static final String EXEC_WRAPPER = "printf '" + PID_MARKER + "%s\\n' \"$$\" >&2; exec \"$@\"";
    /** Freezes a process, recurses into its children (proc(5), /proc/PID/task/TID/children), then SIGKILLs it. */
    static final String KILL_TREE = "kill_tree() { kill -STOP \"$1\" 2>/dev/null;"
            + " for c in $(cat /proc/\"$1\"/task/*/children 2>/dev/null); do kill_tree \"$c\"; done;"
            + " kill -KILL \"$1\" 2>/dev/null; }; kill_tree \"$1\"";
    private static final Pattern MARKER_LINE = Pattern.compile("\\A" + PID_MARKER + "(\\d+)\\n");
    private static final long MAX_FILE_BYTES = 4 * 1024 * 1024;
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final String id;
    private final String name;
    private final String remoteUser;
    private final List<Resource> resources;
    private final boolean kept;
    private final ResourceTracker tracker;
    private final Console console;
    private final String host;
    private volatile Instant startedAt;

    DockerContainer(DockerClient docker, String id, String name, String remoteUser, List<Resource> resources, boolean kept,
            ResourceTracker tracker, Console console, String host) {
        this.docker = docker;
        this.id = id;
        this.name = name;
        this.remoteUser = remoteUser;
        this.resources = List.copyOf(resources);
        this.kept = kept;
        this.tracker = tracker;
        this.console = console;
        this.host = host;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String remoteUser() {
        return remoteUser;
    }

    @Override
    public void start() {
        run("start the container", () -> docker.startContainerCmd(id).exec());
        startedAt = Instant.now();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public void stop(Duration gracePeriod) {
        run("stop the container", () -> docker.stopContainerCmd(id).withTimeout((int) Math.max(0, gracePeriod.toSeconds())).exec());
    }

    @Override
    public void kill() {
        run("kill the container", () -> docker.killContainerCmd(id).withSignal("KILL").exec());
    }

    @Override
    public boolean isRunning() {
        return Boolean.TRUE.equals(inspect().getState().getRunning());
    }

    @Override
    public String state() {
        InspectContainerResponse.ContainerState state = inspect().getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            return "running";
        }
        return state.getStatus() + " with code " + state.getExitCodeLong()
                + (Boolean.TRUE.equals(state.getOOMKilled()) ? " (killed: out of memory)" : "")
                + (state.getError() == null || state.getError().isBlank() ? "" : " (" + state.getError() + ")");
    }

    private InspectContainerResponse inspect() {
        return call("inspect the container", () -> docker.inspectContainerCmd(id).exec());
    }

    @Override
    public ExecResult execAs(String user, Duration timeout, String... command) {
        String line = String.join(" ", command);
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", EXEC_WRAPPER, "sh"));
        wrapped.addAll(List.of(command));
        String execId;
        try {
            execId = docker.execCreateCmd(id).withCmd(wrapped.toArray(String[]::new)).withUser(user).withAttachStdout(true)
                    .withAttachStderr(true).withTty(false).exec().getId();
        } catch (ConflictException e) {
            throw new ContainerException("The container is not running (" + state() + ")", e);
        } catch (RuntimeException e) {
            throw translated("run " + line, e);
        }
        try (FrameCollector output = docker.execStartCmd(execId).exec(new FrameCollector())) {
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ContainerException(line + " did not finish within " + timeout.toMillis() + " ms; "
                        + killInside(output.stderr()));
            }
            if (output.error() != null) {
                throw new ContainerException("Lost the output of " + line + ": " + Errors.rootMessage(output.error()),
                        output.error());
            }
            Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.stdout(), withoutMarker(output.stderr()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while running " + line, e);
        } catch (IOException e) {
            throw new ContainerException("Lost the output of " + line, e);
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translated("run " + line, e);
        }
    }

    /** Kills the timed-out exec's process tree inside the container; says what happened. */
    private String killInside(String stderr) {
        Matcher pid = MARKER_LINE.matcher(stderr);
        if (!pid.find()) {
            return "its process inside the container could not be found to stop it";
        }
        try {
            String execId = docker.execCreateCmd(id).withCmd("/bin/sh", "-c", KILL_TREE, "sh", pid.group(1)).withUser("root")
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
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

    static String withoutMarker(String stderr) {
        return MARKER_LINE.matcher(stderr).replaceFirst("");
    }

    @Override
    public List<String> logTail(int lines) {
        try (FrameCollector output = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withTail(lines).exec(new FrameCollector())) {
            output.awaitCompletion(10, TimeUnit.SECONDS);
            return output.interleaved().lines().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of("(the container log could not be read: " + Errors.rootMessage(e) + ")");
        }
    }

    @Override
    public List<String> fileTail(String path, int lines) {
        try (InputStream archive = docker.copyArchiveFromContainerCmd(id, path).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            if (tar.getNextEntry() == null) {
                return List.of();
            }
            byte[] content = tar.readNBytes((int) MAX_FILE_BYTES);
            List<String> all = new String(content, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (NotFoundException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of("(" + path + " could not be read: " + Errors.rootMessage(e) + ")");
        }
    }

    /** Removes the container and its volumes through the tracker, or says how to reach and remove them when kept. */
    @Override
    public void close() {
        if (kept && tracker.isRegistered(Resource.container(name))) {
            console.warn("Kept container " + name + " (" + id.substring(0, Math.min(12, id.length())) + ") for debugging."
                    + " Reach it with: docker exec -it " + name + " bash");
            List<String> volumes = resources.stream().filter(r -> r.kind() == Resources.Kind.VOLUME).map(Resource::name).toList();
            console.warn("Remove it with: docker rm -f -v " + name
                    + (volumes.isEmpty() ? "" : " && docker volume rm " + String.join(" ", volumes)));
        }
        tracker.release(resources);
    }

    private void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw translated(what, e);
        }
    }

    private ContainerException translated(String what, RuntimeException e) {
        return new ContainerException("Could not " + what + " (" + name + " at " + host + "): " + Errors.rootMessage(e), e);
    }
}
