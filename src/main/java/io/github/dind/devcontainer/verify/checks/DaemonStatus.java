package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.Optional;

/**
 * The bundled startup.sh's status file: one line, {@code starting}, {@code ready} or
 * {@code failed: REASON} once its bounded start attempts are used up. A check that waits for dockerd
 * stops waiting when it says failed, and names the reason. A startup.sh of the user's own that
 * writes no such file just means waiting until the timeout.
 */
public final class DaemonStatus {
    static final String FILE = "/run/devcontainer-dockerd.status";
    /** Where the bundled startup.sh sends dockerd's output. */
    public static final String DOCKERD_LOG = "/var/log/dockerd.log";
    private static final String FAILED = "failed: ";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(500).toNanos();

    private final Container container;
    private long lastRead;
    private String failure;

    DaemonStatus(Container container) {
        this.container = container;
        this.lastRead = System.nanoTime();
    }

    /**
     * The reason startup.sh gave up, read at most every 500 ms and first 500 ms after the wait
     * began (startup.sh's bounded attempts take longer than that to be used up, and a daemon that
     * answers soon is not kept waiting for an extra exec); empty while it has not.
     */
    Optional<String> failure() {
        long now = System.nanoTime();
        if (failure == null && now - lastRead >= MIN_INTERVAL_NANOS) {
            lastRead = now;
            try {
                ExecResult status = container.exec(READ_TIMEOUT, "cat", FILE);
                String line = status.stdout().strip();
                if (status.succeeded() && line.startsWith(FAILED)) {
                    failure = line.substring(FAILED.length());
                }
            } catch (ContainerException e) {
                // the container stopped: polling reports that itself
            }
        }
        return Optional.ofNullable(failure);
    }

    /** The detail of a failed wait: startup.sh's reason when it gave one. */
    String explain(Observation seen) {
        return failure().map(reason -> "startup.sh gave up: " + reason).orElse(seen.detail());
    }
}
