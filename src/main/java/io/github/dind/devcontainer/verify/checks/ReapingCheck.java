package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.Optional;

/**
 * 11. An orphaned process is reaped: a shell starts {@code sleep 0.3} in the background and exits;
 * the kernel hands the orphan to PID 1; after it exits, PID 1 must collect it, or it stays a zombie.
 */
final class ReapingCheck extends AbstractCheck {
    static final String ID = "reaping";
    private static final Duration ORPHAN_LIFETIME = Duration.ofMillis(300);
    /** An init reaps within milliseconds; a zombie still there after this is not going away. */
    static final Duration ZOMBIE_GRACE = Duration.ofSeconds(1);

    ReapingCheck(Duration timeout) {
        super(ID, "an orphaned process is reaped", timeout);
    }

    /** Its orphan is its own process; PID 1 reaps whatever the other checks start alongside just as well. */
    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult started = container.exec(timeout, "/bin/sh", "-c",
                "sleep " + ORPHAN_LIFETIME.toMillis() / 1000.0 + " </dev/null >/dev/null 2>&1 & echo $!");
        long pid;
        try {
            pid = Long.parseLong(started.stdout().strip());
        } catch (NumberFormatException e) {
            return Observation.fail("could not start the orphan: " + started.output());
        }
        Optional<ProcStat> orphan = stat(container, pid);
        if (orphan.isPresent() && orphan.get().ppid() != 1 && !orphan.get().zombie()) {
            return Observation.fail("the orphan " + pid + " was adopted by " + orphan.get().ppid() + ", not by PID 1");
        }
        long[] zombieSince = {0};
        Observation seen = Polling.until(container, timeout, Duration.ofMillis(100), () -> {
            Optional<ProcStat> now = stat(container, pid);
            if (now.isEmpty()) {
                return Observation.pass("the orphan " + pid + " exited and PID 1 reaped it");
            }
            if (!now.get().zombie()) {
                return Observation.fail("process " + pid + " (" + now.get().comm() + ") is still in state " + now.get().state());
            }
            if (zombieSince[0] == 0) {
                zombieSince[0] = System.nanoTime();
            }
            return Observation.fail("process " + pid + " (" + now.get().comm() + ") is a zombie: PID 1 does not reap its"
                    + " adopted children");
        }, () -> zombieSince[0] != 0 && System.nanoTime() - zombieSince[0] > ZOMBIE_GRACE.toNanos());
        return seen;
    }

    private Optional<ProcStat> stat(Container container, long pid) {
        ExecResult result = container.exec(timeout, "cat", "/proc/" + pid + "/stat");
        return result.succeeded() ? ProcStat.parse(result.stdout().strip()).filter(p -> p.pid() == pid) : Optional.empty();
    }
}
