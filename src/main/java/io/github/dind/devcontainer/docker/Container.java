package io.github.dind.devcontainer.docker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A running devcontainer as the verification checks see it; {@link ContainerSession} is the real one. */
public interface Container {
    String id();

    /** The container's name, which Docker's embedded DNS resolves on user-defined networks; the id when it has none. */
    default String name() {
        return id();
    }

    /** Runs a command inside, as root, with no terminal; stdout and stderr are collected. */
    default ExecResult exec(Duration timeout, String... command) {
        return execAs("root", timeout, command);
    }

    /** Runs a command inside as the given user, with no terminal. */
    ExecResult execAs(String user, Duration timeout, String... command);

    boolean isRunning();

    /** For messages: {@code running}, or {@code exited with code 1 (OOM killed)}. */
    String state();

    /** {@code docker stop} with the given grace period before SIGKILL. */
    void stop(Duration gracePeriod);

    /** {@code docker start} of the stopped container. */
    void start();

    /** When the container was last started, by the local clock (right after the start call returned). */
    Instant startedAt();

    /** The last lines of the container's log (stdout and stderr). */
    List<String> logTail(int lines);

    /** The last lines of a file inside the container; works on a stopped container too. Empty when absent. */
    List<String> fileTail(String path, int lines);
}
