package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * dockerd is supervised: killed inside the running devcontainer ({@code kill -9}, what the OOM
 * killer does; the peer docker-in-docker feature's "retry" scenario kills it by hand), it comes back
 * — a new dockerd, named by {@code /var/run/docker.pid}, answers {@code docker info} — without
 * anyone running startup.sh or restarting the container. The bundled startup.sh restarts it after
 * a 1 s back-off (its {@code supervise}); a startup.sh of the user's own that does not fails here,
 * and {@code only} can leave the check out.
 */
final class DockerdRestartCheck extends AbstractCheck {
    static final String ID = "dockerd-restart";
    static final String PID_FILE = "/var/run/docker.pid";
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    DockerdRestartCheck(Duration timeout) {
        super(ID, "dockerd comes back after it is killed inside the container", Set.of(DockerInfoCheck.ID), timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult before = container.exec(timeout, "cat", PID_FILE);
        String killed = before.stdout().strip();
        if (!before.succeeded() || !killed.matches("\\d+")) {
            return Observation.fail("no dockerd pid in " + PID_FILE + ": " + before.output());
        }
        ExecResult kill = container.exec(timeout, "kill", "-KILL", killed);
        if (!kill.succeeded()) {
            return Observation.fail("kill -KILL " + killed + " failed: " + kill.output());
        }
        Instant start = Instant.now();
        Observation seen = Polling.until(container, timeout, INTERVAL, () -> {
            ExecResult now = container.exec(ATTEMPT_TIMEOUT, "/bin/sh", "-c",
                    "p=$(cat " + PID_FILE + " 2>/dev/null) && [ \"$p\" != " + killed + " ] && [ \"$(cat /proc/$p/comm)\" = dockerd ]"
                            + " && echo \"$p\" && docker info --format '{{.ServerVersion}}'");
            String[] lines = now.stdout().strip().split("\\R");
            if (now.succeeded() && lines.length == 2 && !lines[1].isBlank()) {
                return Observation.pass("dockerd " + lines[0]);
            }
            return Observation.fail("no new dockerd answers yet: " + now.output());
        });
        if (!seen.passed()) {
            return Observation.fail("dockerd " + killed + " was killed and none answered within " + Polling.seconds(timeout)
                    + " (" + seen.detail() + "); the status file says: " + status(container));
        }
        Duration back = Duration.between(start, Instant.now());
        timings.record(Timings.READY_AFTER_DOCKERD_KILL, back);
        return Observation.pass("killed dockerd " + killed + "; " + seen.detail() + " answered " + Polling.seconds(back) + " later");
    }

    private String status(Container container) {
        ExecResult status = container.exec(timeout, "cat", DaemonStatus.FILE);
        return status.succeeded() ? status.stdout().strip() : "(unreadable: " + status.output() + ")";
    }
}
