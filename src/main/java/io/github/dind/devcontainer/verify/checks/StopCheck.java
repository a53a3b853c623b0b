package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * 12. {@code docker stop} is a clean shutdown, the first half of a suspend/resume. Before the stop,
 * an inner container that traps SIGTERM runs, recording on {@code /var/lib/docker} (which outlives
 * the stop) that it got it; a marker line goes into dockerd's log. After the stop: the inner
 * container recorded SIGTERM (dockerd stopped its containers rather than being killed with them),
 * dockerd's log shows, after the marker, the signal and {@code Daemon shutdown complete} (the last
 * line moby's cmd/dockerd/daemon.go logs on a finished shutdown), and the stop took less than the
 * grace period (the client's SIGKILL never came).
 */
final class StopCheck extends AbstractCheck {
    static final String ID = "stop";
    static final String RECORD_DIR = "/var/lib/docker/devcontainer-verify-stop";
    static final String MARKER = "devcontainer-verify: docker stop begins";
    static final String SHUTDOWN_COMPLETE = "Daemon shutdown complete";
    static final String SIGNAL_RECEIVED = "Processing signal 'terminated'";
    private static final int LOG_LINES = 400;
    static final String SCRIPT = String.join("\n",
            "set -e",
            "record=" + RECORD_DIR,
            "rm -rf \"$record\" && mkdir -p \"$record\"",
            "image=devcontainer-verify-probe:latest",
            "docker image inspect \"$image\" >/dev/null 2>&1 || head -c 1024 /dev/zero | docker import - \"$image\" >/dev/null",
            "set --",
            "for dir in bin sbin lib lib32 lib64 libx32 usr; do",
            "  if [ -e \"/$dir\" ]; then set -- \"$@\" -v \"/$dir:/$dir:ro\"; fi",
            "done",
            "docker run -d --name devcontainer-verify-stop --pull=never \"$@\" -v \"$record:/record\" \"$image\" /bin/sh -c"
                    + " 'trap \"echo SIGTERM >/record/term; exit 0\" TERM; echo running >/record/running;"
                    + " while :; do sleep 0.1; done' >/dev/null",
            "for i in $(seq 100); do [ -e \"$record/running\" ] && break; sleep 0.05; done",
            "[ -e \"$record/running\" ] || { echo 'the inner container did not start'; exit 1; }",
            "echo '" + MARKER + "' >>" + DaemonStatus.DOCKERD_LOG);

    StopCheck(Duration gracePeriod) {
        super(ID, "docker stop shuts dockerd and its containers down cleanly within " + Polling.seconds(gracePeriod),
                Set.of(DockerInfoCheck.ID), gracePeriod);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult prepared = container.exec(Duration.ofSeconds(30), "/bin/sh", "-c", SCRIPT);
        if (!prepared.succeeded()) {
            return Observation.fail("could not start the inner container that traps SIGTERM: exit code "
                    + prepared.exitCode() + ": " + prepared.output());
        }
        long start = System.nanoTime();
        container.stop(timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.record(Timings.STOP, took);
        if (container.isRunning()) {
            return Observation.fail("the container is still running after docker stop");
        }
        if (took.compareTo(timeout) >= 0) {
            return Observation.fail("stopping took " + Polling.seconds(took) + ", the whole " + Polling.seconds(timeout)
                    + " grace period: the client's SIGKILL ended it, not a shutdown");
        }
        boolean innerGotTerm = container.fileTail(RECORD_DIR + "/term", 1).stream().anyMatch(l -> l.contains("SIGTERM"));
        if (!innerGotTerm) {
            return Observation.fail("the inner container never got SIGTERM (stopped in " + Polling.seconds(took)
                    + "): dockerd was killed with it instead of stopping it");
        }
        List<String> log = container.fileTail(DaemonStatus.DOCKERD_LOG, LOG_LINES);
        int marker = log.lastIndexOf(MARKER);
        List<String> after = marker < 0 ? List.of() : log.subList(marker + 1, log.size());
        if (after.stream().noneMatch(l -> l.contains(SIGNAL_RECEIVED))) {
            return Observation.fail("dockerd never received SIGTERM: its log shows no \"" + SIGNAL_RECEIVED
                    + "\" after the stop began");
        }
        if (after.stream().noneMatch(l -> l.contains(SHUTDOWN_COMPLETE))) {
            return Observation.fail("dockerd got SIGTERM but its log shows no \"" + SHUTDOWN_COMPLETE
                    + "\": it was killed before its shutdown finished; last line: "
                    + (after.isEmpty() ? "(none)" : after.get(after.size() - 1)));
        }
        return Observation.pass("stopped in " + Polling.seconds(took) + "; the inner container got SIGTERM; dockerd logged \""
                + SHUTDOWN_COMPLETE + "\"");
    }
}
