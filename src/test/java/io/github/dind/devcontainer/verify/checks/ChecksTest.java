package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each check against a strict fake: it must ask exactly the commands written here, or it fails. */
class ChecksTest {
    /** What {@link Pid1Check} reads. */
    static final String PID1_CMDLINE = "cat /proc/1/cmdline";
    /** Every process's stat line, as {@link DockerdProcessCheck} and {@link PostStartCheck} read them. */
    static final String PROCESSES = "/bin/sh -c cat /proc/[0-9]*/stat 2>/dev/null; true";
    /** What waiting for dockerd asks, again and again. */
    static final String DOCKER_INFO = "docker info --format {{.ServerVersion}} {{.Driver}}";
    /** startup.sh's status file, which a wait for dockerd reads every 500 ms. */
    static final String DAEMON_STATUS = "cat /run/devcontainer-dockerd.status";
    /** {@link ReapingCheck}'s orphan. */
    static final String ORPHAN = "/bin/sh -c sleep 0.3 </dev/null >/dev/null 2>&1 & echo $!";

    private static final Duration SHORT = Duration.ofMillis(300);
    private final Timings timings = new Timings();

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    /** A container whose startup.sh still starts dockerd: a slow wait may read its status file. */
    private FakeContainer dockerdStarting() {
        return containers.expecting().on(DAEMON_STATUS, ok("starting\n"));
    }

    @Test
    void runningAsksNothingButWhetherTheContainerRuns() {
        assertThat(new RunningCheck().run(containers.expecting(), timings)).isEqualTo(Observation.pass("running"));
        assertThat(new RunningCheck().run(containers.expecting().stopped(), timings))
                .isEqualTo(Observation.fail("it exited with code 1"));
    }

    @Test
    void pid1PassesOnlyForDumbInit() {
        FakeContainer container = containers.expecting()
                .on(PID1_CMDLINE, ok("/usr/bin/dumb-init\0--\0/usr/local/bin/startup.sh\0sleep\0infinity\0"));
        assertThat(new Pid1Check(SHORT).run(container, timings))
                .isEqualTo(Observation.pass("PID 1: /usr/bin/dumb-init -- /usr/local/bin/startup.sh sleep infinity"));

        Observation loop = new Pid1Check(SHORT).run(container.on(PID1_CMDLINE,
                ok("/bin/sh\0-c\0echo Container started\ntrap \"exit 0\" 15\n\nexec \"$@\"\nwhile sleep 1 & wait $!; do :; done\0-\0")), timings);
        assertThat(loop.passed()).isFalse();
        assertThat(loop.detail()).contains("overrideCommand\": false");

        Observation sleep = new Pid1Check(SHORT).run(container.on(PID1_CMDLINE, ok("sleep\0infinity\0")), timings);
        assertThat(sleep.detail()).isEqualTo("PID 1 is sleep infinity (the image's ENTRYPOINT must start with dumb-init)");
    }

    @Test
    void pid1FailsWhenItsCmdlineCannotBeRead() {
        FakeContainer container = containers.expecting().on(PID1_CMDLINE, exit(1, "cat: /proc/1/cmdline: Permission denied"));

        assertThat(new Pid1Check(SHORT).run(container, timings))
                .isEqualTo(Observation.fail("cannot read /proc/1/cmdline: cat: /proc/1/cmdline: Permission denied"));
    }

    @Test
    void dockerdMustDescendFromPid1() {
        FakeContainer container = dockerdStarting().on(PROCESSES, ok(ProcessTreeTest.STATS));
        Observation seen = new DockerdProcessCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).isTrue();
        assertThat(seen.detail()).isEqualTo("dockerd (31) < sleep (7) < dumb-init (1)");
    }

    @Test
    void aDockerdOutsidePid1sTreeFailsNamingItsAncestry() {
        // dockerd started by an exec (docker exec ... dockerd &): its parent chain ends at the exec'd shell
        FakeContainer container = dockerdStarting().on(PROCESSES, ok("1 (dumb-init) S 0 1\n40 (sh) S 0 40\n41 (dockerd) S 40 41\n"));

        Observation seen = new DockerdProcessCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).endsWith("dockerd does not descend from PID 1: dockerd (41) < sh (40)");
    }

    @Test
    void noDockerdFailsAfterTheTimeoutNamingWhatRuns() {
        FakeContainer container = dockerdStarting().on(PROCESSES, ok("1 (dumb-init) S 0 1\n7 (sleep) S 1 7\n"));
        long start = System.nanoTime();
        Observation seen = new DockerdProcessCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("not within 0.30 s", "no dockerd process is running; processes: dumb-init (1), sleep (7)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
    }

    @Test
    void dockerInfoPollsUntilItAnswersAndRecordsTheTimeToReady() {
        AtomicInteger attempts = new AtomicInteger();
        FakeContainer container = dockerdStarting().on(DOCKER_INFO, () -> attempts.incrementAndGet() < 3
                ? exit(1, "Cannot connect to the Docker daemon") : ok("26.1.5 overlay2\n"));

        Observation seen = new DockerInfoCheck(Duration.ofSeconds(5)).run(container, timings);

        assertThat(seen.passed()).isTrue();
        assertThat(seen.detail()).startsWith("Docker 26.1.5 (storage driver overlay2) answered ");
        assertThat(attempts).hasValue(3);
        assertThat(timings.get(Timings.READY)).isPresent();
    }

    @Test
    void pollingGivesUpAtOnceWhenTheContainerHasStopped() {
        FakeContainer container = dockerdStarting().on(DOCKER_INFO, () -> {
            throw new ContainerException("The container is not running (exited with code 1)");
        }).stopped();
        long start = System.nanoTime();

        Observation seen = new DockerInfoCheck(Duration.ofSeconds(30)).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("the container stopped (exited with code 1)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void reapingPassesWhenTheOrphanDisappears() {
        AtomicInteger looks = new AtomicInteger();
        FakeContainer container = containers.expecting()
                .on(ORPHAN, ok("294\n"))
                .on("cat /proc/294/stat", () -> looks.incrementAndGet() < 3 ? ok("294 (sleep) S 1 7 7") : exit(1, "No such file or directory"));

        Observation seen = new ReapingCheck(Duration.ofSeconds(5)).run(container, timings);

        assertThat(seen.passed()).isTrue();
        assertThat(seen.detail()).isEqualTo("the orphan 294 exited and PID 1 reaped it");
    }

    @Test
    void aZombieThatStaysFailsReapingWithoutWaitingForTheTimeout() {
        FakeContainer container = containers.expecting().on(ORPHAN, ok("294\n")).on("cat /proc/294/stat", ok("294 (sleep) Z 1 7 7"));
        long start = System.nanoTime();

        Observation seen = new ReapingCheck(Duration.ofSeconds(30)).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("a zombie: PID 1 does not reap its adopted children");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(ReapingCheck.ZOMBIE_GRACE, Duration.ofSeconds(5));
    }

    @Test
    void anOrphanThatKeepsRunningFailsNamingItsStateNotAsAZombie() {
        FakeContainer container = containers.expecting().on(ORPHAN, ok("294\n")).on("cat /proc/294/stat", ok("294 (sleep) S 1 7 7"));

        Observation seen = new ReapingCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("not within 0.30 s; last seen: process 294 (sleep) is still in state S");
    }

    @Test
    void anOrphanAdoptedByAnotherProcessThanPid1FailsAtOnce() {
        // a subreaper (prctl PR_SET_CHILD_SUBREAPER) between the shell and PID 1 takes the orphan
        FakeContainer container = containers.expecting().on(ORPHAN, ok("294\n")).on("cat /proc/294/stat", ok("294 (sleep) S 7 7 7"));

        assertThat(new ReapingCheck(Duration.ofSeconds(30)).run(container, timings))
                .isEqualTo(Observation.fail("the orphan 294 was adopted by 7, not by PID 1"));
    }

    @Test
    void anOrphanThatCouldNotStartFailsWithTheShellsOutput() {
        FakeContainer container = containers.expecting().on(ORPHAN, exit(126, "/bin/sh: sleep: Permission denied"));

        assertThat(new ReapingCheck(SHORT).run(container, timings))
                .isEqualTo(Observation.fail("could not start the orphan: /bin/sh: sleep: Permission denied"));
    }

    @Test
    void dockerInfoWithAnEmptyServerPartIsNoAnswer() {
        FakeContainer container = dockerdStarting().on(DOCKER_INFO, ok(" \n"));

        Observation seen = new DockerInfoCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("docker info did not answer");
    }

    @Test
    void theInnerDaemonRunsAContainerThatPrintsTheMarker() {
        FakeContainer container = containers.expecting().on("/bin/sh -c " + InnerContainerCheck.SCRIPT,
                ok("devcontainer-verify-inner-ok from 0c1d2e3f4a5b\n"));
        assertThat(new InnerContainerCheck(SHORT).run(container, timings))
                .isEqualTo(Observation.pass("devcontainer-verify-inner-ok from 0c1d2e3f4a5b"));

        container.on("/bin/sh -c " + InnerContainerCheck.SCRIPT, ok(""));
        assertThat(new InnerContainerCheck(SHORT).run(container, timings))
                .as("exit code 0 without the marker: the shell never ran inside").isEqualTo(Observation.fail("exit code 0: "));

        container.on("/bin/sh -c " + InnerContainerCheck.SCRIPT, exit(125, "docker: Error response from daemon: failed to create"));
        assertThat(new InnerContainerCheck(SHORT).run(container, timings).detail())
                .isEqualTo("exit code 125: docker: Error response from daemon: failed to create");
    }

    private FakeContainer cleanStop() {
        return containers.expecting().on("/bin/sh -c " + StopCheck.SCRIPT, ok(""))
                .file(StopCheck.RECORD_DIR + "/term", List.of("SIGTERM"))
                .file(DaemonStatus.DOCKERD_LOG, List.of("msg=\"API listen on /var/run/docker.sock\"", StopCheck.MARKER,
                        "level=info msg=\"Processing signal 'terminated'\"", "level=info msg=\"Daemon shutdown complete\""));
    }

    @Test
    void stopPassesOnACleanShutdownWithinTheGracePeriod() {
        FakeContainer container = cleanStop();
        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(container, timings);

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(container.isRunning()).isFalse();
        assertThat(timings.get(Timings.STOP)).as("the stop's time, for the report").isPresent();
        assertThat(container.commands()).singleElement().asString().contains("trap \"echo SIGTERM >/record/term; exit 0\" TERM")
                .contains("echo '" + StopCheck.MARKER + "' >>/var/log/dockerd.log");
    }

    @Test
    void stopReadsOnlyWhatDockerdLoggedAfterTheMarkerEvenWhenTheTailStartsThere() {
        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(cleanStop().file(DaemonStatus.DOCKERD_LOG,
                List.of(StopCheck.MARKER, "level=info msg=\"Processing signal 'terminated'\"", "level=info msg=\"Daemon shutdown complete\"")),
                timings);

        assertThat(seen.passed()).as(seen.detail()).isTrue();
    }

    @Test
    void stopFailsWhenTheRecordHoldsNoSigterm() {
        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(cleanStop().file(StopCheck.RECORD_DIR + "/term", List.of("")), timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("the inner container never got SIGTERM");
    }

    @Test
    void stopFailsWhenThePreparationFails() {
        FakeContainer container = containers.expecting()
                .on("/bin/sh -c " + StopCheck.SCRIPT, exit(1, "the inner container did not start"));

        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(container, timings);

        assertThat(seen).isEqualTo(Observation.fail("could not start the inner container that traps SIGTERM: exit code 1:"
                + " the inner container did not start"));
        assertThat(container.isRunning()).as("not stopped: nothing to observe").isTrue();
    }

    @Test
    void stopFailsWhenTheGracePeriodRanOut() {
        Observation slow = new StopCheck(Duration.ofMillis(200)).run(cleanStop().stopTakes(Duration.ofMillis(250)), timings);

        assertThat(slow.passed()).isFalse();
        assertThat(slow.detail()).contains("the whole 0.20 s grace period: the client's SIGKILL ended it");
    }

    @Test
    void stopFailsWhenTheInnerContainerNeverGotSigterm() {
        // what today's fast stop looks like: quick, because dockerd and its containers were SIGKILLed
        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(cleanStop().file(StopCheck.RECORD_DIR + "/term", List.of()), timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("the inner container never got SIGTERM");
    }

    @Test
    void stopFailsWhenDockerdsShutdownDidNotComplete() {
        FakeContainer killedMidway = cleanStop().file(DaemonStatus.DOCKERD_LOG,
                List.of("Daemon shutdown complete", StopCheck.MARKER, "level=info msg=\"Processing signal 'terminated'\""));
        Observation seen = new StopCheck(Duration.ofSeconds(10)).run(killedMidway, timings);

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("dockerd got SIGTERM but its log shows no \"Daemon shutdown complete\": it was"
                + " killed before its shutdown finished; last line: level=info msg=\"Processing signal 'terminated'\"");

        Observation noSignal = new StopCheck(Duration.ofSeconds(10)).run(cleanStop().file(DaemonStatus.DOCKERD_LOG,
                List.of("Processing signal 'terminated'", "Daemon shutdown complete", StopCheck.MARKER)), timings);
        assertThat(noSignal.detail()).contains("dockerd never received SIGTERM");

        Observation noSignalAfter = new StopCheck(Duration.ofSeconds(10)).run(cleanStop().file(DaemonStatus.DOCKERD_LOG,
                List.of(StopCheck.MARKER, "level=info msg=\"Daemon shutdown complete\"")), timings);
        assertThat(noSignalAfter.detail()).as("a shutdown without the signal is no docker stop's")
                .contains("dockerd never received SIGTERM");
    }

    @Test
    void resumeStartsTheStoppedContainerAndWaitsForDockerd() {
        FakeContainer container = dockerdStarting().on(DOCKER_INFO, ok("26.1.5 overlay2")).stopped();

        Observation seen = new ResumeCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(container.isRunning()).isTrue();
        assertThat(timings.get(Timings.READY_AFTER_RESUME)).isPresent();
    }

    @Test
    void killThenStartWaitsForDockerdAgain() throws Exception {
        FakeContainer container = dockerdStarting().on(DOCKER_INFO, ok("26.1.5 overlay2"));
        Observation seen = new KillCheck(SHORT).run(container, timings);

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(container.kills()).isEqualTo(1);
        assertThat(container.isRunning()).isTrue();
        assertThat(timings.get(Timings.READY_AFTER_KILL)).isPresent();
    }

    @Test
    void waitingForDockerdStopsEarlyAndNamesTheReasonStartupShGave() {
        FakeContainer container = containers.expecting()
                .on(DAEMON_STATUS, ok("failed: dockerd exited during start-up: unable to configure the Docker daemon with file"
                        + " /etc/docker/daemon.json: the following directives don't match any configuration option: bogus-option\n"))
                .on(DOCKER_INFO, exit(1, "Cannot connect to the Docker daemon"))
                .on(PROCESSES, ok("1 (dumb-init) S 0 1\n7 (startup.sh) S 1 7\n"));

        long start = System.nanoTime();
        Observation seen = new DockerInfoCheck(Duration.ofSeconds(30)).run(container, timings);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("docker info did not answer: startup.sh gave up: dockerd exited during start-up:"
                + " unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives"
                + " don't match any configuration option: bogus-option");
        Observation process = new DockerdProcessCheck(Duration.ofSeconds(30)).run(container, timings);
        assertThat(process.detail()).startsWith("startup.sh gave up: dockerd exited during start-up");
    }

    @Test
    void commandChecksCompareTheExitCode() {
        FakeContainer container = containers.expecting()
                .on("/bin/sh -c git lfs version", ok("git-lfs/3.6"))
                .on("/bin/sh -c java -version", exit(127, "java: not found"));

        assertThat(new CommandCheck("lfs", "git lfs version", 0, SHORT).run(container, timings)).isEqualTo(Observation.pass("exit code 0"));
        Observation java = new CommandCheck("java", "java -version", 0, SHORT).run(container, timings);
        assertThat(java.passed()).isFalse();
        assertThat(java.detail()).isEqualTo("exit code 127, expected 0: java: not found");
        assertThat(new CommandCheck("absent", "java -version", 127, SHORT).run(container, timings))
                .isEqualTo(Observation.pass("exit code 127"));
    }

    @Test
    void postStartRunsAsTheRemoteUserAndWantsExactlyOneDockerd() {
        FakeContainer container = containers.expecting().remoteUser("dev")
                .on("dev$ sudo -n /usr/local/bin/startup.sh", ok(""))
                .on(PROCESSES, ok(ProcessTreeTest.STATS));

        Observation seen = new PostStartCheck(hook(LifecycleCommand.exec("postStartCommand", List.of("sudo", "-n", "/usr/local/bin/startup.sh"))), SHORT)
                .run(container, timings);

        assertThat(seen).isEqualTo(Observation.pass("exit code 0 as dev; one dockerd"));

        FakeContainer twice = containers.expecting().on("true", ok("")).on(PROCESSES, ok(ProcessTreeTest.STATS + "99 (dockerd) S 1 99\n"));
        Observation two = new PostStartCheck(hook(LifecycleCommand.exec("postStartCommand", List.of("true"))), SHORT).run(twice, timings);
        assertThat(two.passed()).isFalse();
        assertThat(two.detail()).startsWith("2 dockerd processes");

        // a failed command ends the check: no process list is read (it is not expected here)
        FakeContainer failing = containers.expecting().on("false", exit(1, ""));
        assertThat(new PostStartCheck(hook(LifecycleCommand.exec("postStartCommand", List.of("false"))), SHORT).run(failing, timings))
                .isEqualTo(Observation.fail("`false` as root exited with 1: "));
    }

    private static io.github.dind.devcontainer.devcontainer.LifecycleHook hook(LifecycleCommand command) {
        return new io.github.dind.devcontainer.devcontainer.LifecycleHook(command.hook(), List.of(command));
    }
}
