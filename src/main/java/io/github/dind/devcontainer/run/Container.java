package io.github.dind.devcontainer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A running devcontainer as the verification checks see it; {@link DockerContainer} is the real
 * one. Operations that fail throw {@link ContainerException}.
 */
public interface Container extends AutoCloseable {
    String id();

    /** The container's name, for messages, and which Docker's embedded DNS resolves on user-defined networks; the id when it has none. */
    default String name() {
        return id();
    }

    /** The user a client runs lifecycle commands as (remoteUser, containerUser, the image's USER, root). */
    default String remoteUser() {
        return "root";
    }

    /** Runs a command inside, as root, with no terminal; stdout and stderr are collected. */
    default ExecResult exec(Duration timeout, String... command) {
        return execAs("root", timeout, command);
    }

    /**
     * Runs a command inside as the given user, with no terminal.
     *
     * @throws ContainerException when it does not finish within {@code timeout} (it is then killed
     *     inside the container, with its children), or the container is not running
     */
    ExecResult execAs(String user, Duration timeout, String... command);

    /**
     * Copies host files into a folder inside (created with its parents, 0755), each 0644 and owned by
     * root, so every user can read them.
     *
     * @param directory an absolute path inside
     * @param files each file's name in that folder, and the host file it copies
     * @throws ContainerException when a file cannot be read or the copy fails
     */
    void copyInto(String directory, java.util.Map<String, java.nio.file.Path> files);

    boolean isRunning();

    /** For messages: {@code running}, or {@code exited with code 1 (OOM killed)}. */
    String state();

    /** {@code docker stop} with the given grace period before SIGKILL. */
    void stop(Duration gracePeriod);

    /** {@code docker kill}: SIGKILL to the container's main process, no grace period (a host crash, an OOM kill). */
    void kill();

    /** {@code docker start} of the stopped container. */
    void start();

    /** When the container was last started, by the local clock (right after the start call returned). */
    Instant startedAt();

    /** The last lines of the container's log (stdout and stderr). */
    List<String> logTail(int lines);

    /** The last lines of a file inside the container; works on a stopped container too. Empty when absent. */
    List<String> fileTail(String path, int lines);

    /**
     * Disconnects the container from every network it is on ({@code docker network disconnect}, moby
     * {@code POST /networks/ID/disconnect}): only its loopback and what the inner daemon creates inside
     * (its bridge, its containers) remain, so nothing reaches beyond the devcontainer — the inner
     * daemon keeps working. Closing the cut connects it again, with its aliases.
     *
     * @throws ContainerException when the daemon refuses; networks already cut are connected again first
     */
    default NetworkCut cutNetwork() {
        throw new ContainerException("This container cannot be cut off its networks");
    }

    /** The networks a {@link #cutNetwork()} took the container off; {@link #close()} connects it again (never throws). */
    interface NetworkCut extends AutoCloseable {
        /** The networks' names, for messages. */
        List<String> networks();

        @Override
        void close();
    }

    /**
     * Writes a file inside, owned by root with mode 0600, through the engine's archive API
     * ({@code PUT /containers/{id}/archive}): its content appears on no command line, in no log and
     * in no image. The parent directory must exist; a file already there is replaced.
     *
     * @throws ContainerException when the engine refuses it (the container is gone, the folder is missing)
     */
    default void putFile(String path, byte[] content) {
        throw new ContainerException("This container cannot receive files (" + path + ")", null);
    }

    /** Removes the container and what was created for it, unless it is kept; never throws. */
    @Override
    default void close() {
    }
}
