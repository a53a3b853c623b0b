package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.run.ResourceTracker;
import io.github.dind.devcontainer.run.Resources;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.run.Resources.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A container started by {@link DockerEngine}: exec with a timeout ({@link ContainerExec}: a
 * timed-out command is killed inside the container), logs, files, stop, start, kill. docker-java's
 * runtime exceptions become {@link ContainerException}s naming the host.
 */
public final class DockerContainer implements Container {
    private static final long MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final DockerClient docker;
    private final String id;
    private final String name;
    private final String remoteUser;
    private final List<Resource> resources;
    private final boolean kept;
    private final ResourceTracker tracker;
    private final Console console;
    private final String host;
    private final ContainerExec exec;
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
        this.exec = new ContainerExec(docker, id);
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
    public NetworkCut cutNetwork() {
        java.util.Map<String, com.github.dockerjava.api.model.ContainerNetwork> networks =
                new java.util.LinkedHashMap<>(java.util.Optional.ofNullable(inspect().getNetworkSettings())
                        .map(settings -> settings.getNetworks()).orElse(java.util.Map.of()));
        List<String> cut = new java.util.ArrayList<>();
        NetworkCut restore = new NetworkCut() {
            @Override
            public List<String> networks() {
                return List.copyOf(cut);
            }

            @Override
            public void close() {
                for (String network : cut) {
                    try {
                        com.github.dockerjava.api.model.ContainerNetwork again = new com.github.dockerjava.api.model.ContainerNetwork();
                        List<String> aliases = networks.get(network).getAliases();
                        // the default bridge takes no aliases; elsewhere the container's id-prefix alias comes back by itself
                        if (aliases != null && !network.equals("bridge")) {
                            again.withAliases(aliases.stream().filter(a -> !id.startsWith(a)).toList());
                        }
                        docker.connectToNetworkCmd().withNetworkId(network).withContainerId(id).withContainerNetwork(again).exec();
                    } catch (RuntimeException e) {
                        console.warn("Could not connect " + name + " to the network " + network + " again: "
                                + Errors.rootMessage(e));
                    }
                }
            }
        };
        try {
            for (String network : networks.keySet()) {
                docker.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(id).withForce(true).exec();
                cut.add(network);
            }
        } catch (RuntimeException e) {
            restore.close();
            throw new ContainerException("Could not take " + name + " off its networks " + networks.keySet() + " at " + host
                    + ": " + Errors.rootMessage(e), e);
        }
        return restore;
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
        try {
            return exec.run(user, timeout, command);
        } catch (ConflictException e) {
            throw new ContainerException("The container is not running (" + state() + ")", e);
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translated("run " + String.join(" ", command), e);
        }
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
    public void copyInto(String directory, java.util.Map<String, java.nio.file.Path> files) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            // an entry for the folder itself only: an entry for a parent (/tmp) would replace its mode
            // (1777) with the entry's; missing parents are created by the daemon's extraction
            String prefix = directory.replaceAll("^/+|/+$", "") + "/";
            org.apache.commons.compress.archivers.tar.TarArchiveEntry dir =
                    new org.apache.commons.compress.archivers.tar.TarArchiveEntry(prefix);
            dir.setMode(040755);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            for (java.util.Map.Entry<String, java.nio.file.Path> file : files.entrySet()) {
                org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
                        new org.apache.commons.compress.archivers.tar.TarArchiveEntry(prefix + file.getKey());
                entry.setMode(0100644);
                entry.setSize(java.nio.file.Files.size(file.getValue()));
                tar.putArchiveEntry(entry);
                java.nio.file.Files.copy(file.getValue(), tar);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new ContainerException("Cannot read the files to copy into " + name + ":" + directory + ": "
                    + Errors.rootMessage(e), e);
        }
        run("copy files into " + directory, () -> docker.copyArchiveToContainerCmd(id).withRemotePath("/")
                .withTarInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).exec());
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

    @Override
    public void putFile(String path, byte[] content) {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException("not an absolute file path: " + path);
        }
        java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream(content.length + 1024);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry entry = new TarArchiveEntry(path.substring(slash + 1));
            entry.setSize(content.length);
            entry.setMode(0100600);
            entry.setIds(0, 0);
            entry.setModTime(java.util.Date.from(Instant.now()));
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new ContainerException("Cannot pack " + path + ": " + e.getMessage(), e);
        }
        String folder = slash == 0 ? "/" : path.substring(0, slash);
        call("write " + path, () -> {
            docker.copyArchiveToContainerCmd(id).withRemotePath(folder)
                    .withTarInputStream(new java.io.ByteArrayInputStream(tar.toByteArray())).exec();
            return null;
        });
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
