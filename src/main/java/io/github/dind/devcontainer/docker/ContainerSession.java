package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.Errors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.build.ImageBuilder;
import io.github.dind.devcontainer.spec.LaunchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One devcontainer started the way a devcontainer client starts it, and everything created for it.
 * Every container and volume carries the run's labels and is removed on {@link #close()} — after
 * success, failure or exception — and by a shutdown hook when Maven is interrupted (Ctrl-C,
 * SIGTERM). With {@code keep}, close leaves them for debugging and says how to reach and remove them.
 */
public final class ContainerSession implements Container, AutoCloseable {
    /**
     * The command devcontainer clients (the devcontainer CLI, VS Code) run: {@code /bin/sh -c} this
     * script, with the image's ENTRYPOINT and CMD as arguments only when {@code overrideCommand} is
     * false. Without them the container only sleeps, and the image's entrypoint never runs.
     */
    static final String CLIENT_SCRIPT = "echo Container started\ntrap \"exit 0\" 15\n\nexec \"$@\"\n"
            + "while sleep 1 & wait $!; do :; done";
    private static final long MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final DockerClient docker;
    private final Console console;
    private final ResourceLabels labels;
    private final boolean keep;
    private final List<String> volumes = new ArrayList<>();
    private final Thread shutdownHook;
    private volatile String containerId;
    private volatile String containerName;
    private volatile Instant startedAt;
    private boolean closed;

    private ContainerSession(DockerClient docker, Console console, ResourceLabels labels, boolean keep) {
        this.docker = docker;
        this.console = console;
        this.labels = labels;
        this.keep = keep;
        this.shutdownHook = new Thread(() -> removeEverything("Maven is stopping"), "devcontainer-verify-cleanup");
    }

    /** What to start: the image, how (from devcontainer.json), a name prefix, and whether to keep it afterwards. */
    public record StartRequest(String image, LaunchSettings settings, String namePrefix, boolean keep,
            List<ExtraMount> extraMounts) {
        public StartRequest {
            extraMounts = List.copyOf(extraMounts);
        }

        public StartRequest(String image, LaunchSettings settings, String namePrefix, boolean keep) {
            this(image, settings, namePrefix, keep, List.of());
        }
    }

    /**
     * A mount verify adds to devcontainer.json's: a host folder (the project, for project-build) or
     * a named volume that outlives the run (Maven's local repository). Such a volume is created
     * when missing, with the given labels and none of the run's, so no cleanup removes it; it
     * replaces the fresh volume devcontainer.json's mount at the same target would get.
     */
    public record ExtraMount(boolean bind, String source, String target, Map<String, String> volumeLabels) {
        public ExtraMount {
            volumeLabels = Map.copyOf(volumeLabels);
        }
    }

    /**
     * Creates and starts the container. On any failure everything created so far is removed before
     * the exception leaves.
     */
    public static ContainerSession start(DockerClient docker, StartRequest request, Console console) {
        ContainerSession session = new ContainerSession(docker, console, ResourceLabels.newRun(), request.keep());
        Runtime.getRuntime().addShutdownHook(session.shutdownHook);
        try {
            session.create(request);
            session.start();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void create(StartRequest request) {
        LaunchSettings settings = request.settings();
        InspectImageResponse image = docker.inspectImageCmd(request.image()).exec();
        List<String> command = new ArrayList<>(List.of("-c", CLIENT_SCRIPT, "-"));
        if (!settings.overrideCommand() && image.getConfig() != null) {
            addAll(command, image.getConfig().getEntrypoint());
            addAll(command, image.getConfig().getCmd());
        }
        List<Mount> mounts = extraMounts(request.extraMounts());
        for (String target : settings.volumeTargets()) {
            if (request.extraMounts().stream().anyMatch(m -> m.target().equals(target))) {
                continue;
            }
            String volume = request.namePrefix() + "-" + labels.shortRunId() + "-vol" + (volumes.size() + 1);
            volumes.add(volume); // recorded first: a create that times out may still have happened
            docker.createVolumeCmd().withName(volume).withLabels(labels.asMap()).exec();
            mounts.add(new Mount().withType(MountType.VOLUME).withSource(volume).withTarget(target));
        }
        containerName = request.namePrefix() + "-" + labels.shortRunId();
        CreateContainerCmd create = docker.createContainerCmd(request.image())
                .withName(containerName)
                .withLabels(labels.asMap())
                .withEntrypoint("/bin/sh")
                .withCmd(command)
                .withEnv(settings.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withTty(false)
                .withStdinOpen(false)
                .withHostConfig(HostConfig.newHostConfig()
                        .withPrivileged(settings.privileged())
                        .withInit(settings.init() ? Boolean.TRUE : null)
                        .withMounts(mounts));
        containerId = create.exec().getId();
    }

    private List<Mount> extraMounts(List<ExtraMount> extra) {
        List<Mount> mounts = new ArrayList<>();
        for (ExtraMount mount : extra) {
            if (mount.bind()) {
                mounts.add(new Mount().withType(MountType.BIND).withSource(mount.source()).withTarget(mount.target()));
            } else {
                docker.createVolumeCmd().withName(mount.source()).withLabels(mount.volumeLabels()).exec();
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(mount.source()).withTarget(mount.target()));
            }
        }
        return mounts;
    }

    private static void addAll(List<String> into, String[] values) {
        if (values != null) {
            into.addAll(Arrays.asList(values));
        }
    }

    public String name() {
        return containerName;
    }

    @Override
    public String id() {
        return containerId;
    }

    @Override
    public void start() {
        docker.startContainerCmd(containerId).exec();
        startedAt = Instant.now();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public void stop(Duration gracePeriod) {
        docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, gracePeriod.toSeconds())).exec();
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
        return docker.inspectContainerCmd(containerId).exec();
    }

    @Override
    public ExecResult execAs(String user, Duration timeout, String... command) {
        ExecCreateCmdResponse exec;
        try {
            exec = docker.execCreateCmd(containerId).withCmd(command).withUser(user).withAttachStdout(true)
                    .withAttachStderr(true).withTty(false).exec();
        } catch (ConflictException e) {
            throw new ContainerException("The container is not running (" + state() + ")", e);
        }
        try (FrameCollector output = docker.execStartCmd(exec.getId()).exec(new FrameCollector())) {
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ContainerException(String.join(" ", command) + " did not finish within " + timeout.toMillis() + " ms");
            }
            if (output.error() != null) {
                throw new ContainerException("Lost the output of " + String.join(" ", command) + ": "
                        + Errors.rootMessage(output.error()), output.error());
            }
            Long exitCode = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
            return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.stdout(), output.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while running " + String.join(" ", command), e);
        } catch (IOException e) {
            throw new ContainerException("Lost the output of " + String.join(" ", command), e);
        }
    }

    @Override
    public List<String> logTail(int lines) {
        try (FrameCollector output = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
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
        try (InputStream archive = docker.copyArchiveFromContainerCmd(containerId, path).exec();
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

    /** Removes the container and its volumes, unless the session keeps them; then says how to reach them. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes everything itself
        }
        if (keep && containerId != null) {
            console.warn("Kept container " + containerName + " (" + ImageBuilder.shortId(containerId) + ") for debugging."
                    + " Reach it with: docker exec -it " + containerName + " bash");
            console.warn("Remove it with: docker rm -f -v " + containerName
                    + (volumes.isEmpty() ? "" : " && docker volume rm " + String.join(" ", volumes)));
            return;
        }
        removeEverything(null);
    }

    /**
     * Removes what this session created: the container (with its anonymous volumes) and the named
     * volumes. When interrupted, or when the container's id never came back, it also removes
     * anything else carrying this run's label: a create call still in flight may yet have made
     * something. Safe to call twice and from a shutdown hook; failures are reported, not thrown.
     */
    synchronized void removeEverything(String reason) {
        if (reason != null) {
            console.warn(reason + ": removing the verification container " + containerName);
        }
        if (containerId != null) {
            removeContainer(containerId);
        }
        for (String volume : volumes) {
            removeVolume(volume);
        }
        if (reason != null || containerId == null) {
            sweepByLabel(ResourceLabels.RUN_ID + "=" + labels.runId());
        }
    }

    private void sweepByLabel(String labelFilter) {
        try {
            for (com.github.dockerjava.api.model.Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(labelFilter)).exec()) {
                removeContainer(c.getId());
            }
            var volumeList = docker.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes();
            if (volumeList != null) {
                volumeList.forEach(v -> removeVolume(v.getName()));
            }
            docker.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec()
                    .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        } catch (RuntimeException e) {
            console.warn("Could not list the resources labelled " + labelFilter + ": " + Errors.rootMessage(e)
                    + ". Check with: docker ps -a --filter label=" + labelFilter);
        }
    }

    private void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        } catch (DockerException | IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                console.warn("Could not remove container " + id + ": " + Errors.rootMessage(e)
                        + ". Remove it with: docker rm -f -v " + id);
            }
        }
    }

    private void removeVolume(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                docker.removeVolumeCmd(name).exec();
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (ConflictException inUse) {
                if (attempt >= 20) {
                    console.warn("Could not remove volume " + name + ": still in use. Remove it with: docker volume rm " + name);
                    return;
                }
                sleepQuietly(Duration.ofMillis(100)); // the container's removal is still finishing
            } catch (DockerException | IllegalStateException e) {
                console.warn("Could not remove volume " + name + ": " + Errors.rootMessage(e)
                        + ". Remove it with: docker volume rm " + name);
                return;
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
