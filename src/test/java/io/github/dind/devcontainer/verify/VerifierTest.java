package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.verify.checks.Check;
import io.github.dind.devcontainer.verify.checks.Observation;
import io.github.dind.devcontainer.verify.report.CheckResult;
import io.github.dind.devcontainer.verify.report.VerificationReport;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.RecordingConsole;
import io.github.dind.devcontainer.testing.TestCheck;
import io.github.dind.devcontainer.verify.report.CheckResult.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runner's orchestration: order, prerequisites, batches, interruption. Its checks are
 * {@link TestCheck}s that run no command, so the containers here are lenient {@link FakeContainer}s:
 * which commands a check asks is each check's own test's business (verify/checks, strict fakes).
 */
class VerifierTest {

    private static Check check(String id, Set<String> requires, boolean passes) {
        return TestCheck.of(id, () -> {
            if (id.equals("boom")) {
                throw new IllegalStateException("exploded");
            }
            return passes ? Observation.pass("fine") : Observation.fail("broken");
        }).described("check " + id).requiring(requires);
    }

    @Test
    void runsEveryCheckInOrderAndSkipsThoseWhosePrerequisiteFailed() {
        FakeContainer container = new FakeContainer(cmd -> ok("")).logs(List.of("startup.sh: starting"), List.of("level=error msg=boom"));
        List<Check> checks = List.of(
                check("a", Set.of(), true),
                check("b", Set.of("a"), false),
                check("c", Set.of("b"), true),
                check("d", Set.of("c"), true),
                check("boom", Set.of("a"), true),
                check("e", Set.of("missing-from-selection"), true));

        VerificationReport report = new Verifier(checks, new RecordingConsole()).verify("img:1", container, "name");

        assertThat(report.results()).extracting(CheckResult::id).containsExactly("a", "b", "c", "d", "boom", "e");
        assertThat(report.results()).extracting(CheckResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.SKIPPED, Status.SKIPPED, Status.FAILED, Status.PASSED);
        assertThat(report.results().get(2).detail()).isEqualTo("skipped: b did not pass");
        assertThat(report.results().get(3).detail()).isEqualTo("skipped: c did not pass");
        assertThat(report.results().get(4).detail()).isEqualTo("exploded");
        assertThat(report.passed()).isFalse();
        assertThat(report.containerLog()).containsExactly("startup.sh: starting");
        assertThat(report.dockerdLog()).containsExactly("level=error msg=boom");
    }

    @Test
    void aPassingRunCollectsNoLogs() {
        FakeContainer container = new FakeContainer(cmd -> ok("")).logs(List.of("x"), List.of("y"));

        VerificationReport report = new Verifier(List.of(check("a", Set.of(), true)), new RecordingConsole())
                .verify("img:1", container, "name");

        assertThat(report.passed()).isTrue();
        assertThat(report.containerLog()).isEmpty();
        assertThat(report.dockerdLog()).isEmpty();
    }

    @Test
    void checksThatMayRunAtOnceDoAndStillSkipWhenTheirPrerequisiteFailed() {
        java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
        java.util.function.Function<String, Check> meeting = id -> TestCheck.of(id, () -> {
            both.await(10, java.util.concurrent.TimeUnit.SECONDS);
            return Observation.pass("met " + both.getParties());
        }).requiring(Set.of("a")).concurrent(true);
        Check needsFailed = TestCheck.of("z", () -> {
            throw new AssertionError("must be skipped");
        }).requiring(Set.of("b")).concurrent(true);
        List<Check> checks = List.of(check("a", Set.of(), true), check("b", Set.of(), false), meeting.apply("x"),
                meeting.apply("y"), needsFailed);

        VerificationReport report = new Verifier(checks, new RecordingConsole())
                .verify("img:1", new FakeContainer(cmd -> ok("")), "name");

        assertThat(report.results()).extracting(CheckResult::id).containsExactly("a", "b", "x", "y", "z");
        assertThat(report.results()).extracting(CheckResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.PASSED, Status.PASSED, Status.SKIPPED);
        assertThat(report.results().get(2).detail()).as("x and y ran at once: each waited for the other").isEqualTo("met 2");
    }

    @Test
    void aStoppedRunEndsInTheCheckItIsInReportsItInterruptedAndRunsNothingAfter() {
        java.util.concurrent.atomic.AtomicReference<String> stop = new java.util.concurrent.atomic.AtomicReference<>();
        Check interrupted = TestCheck.of("slow", () -> {
            stop.set("SIGTERM");
            Thread.currentThread().interrupt(); // what the shutdown hook does to the run's thread
            return Observation.fail("Interrupted while running docker info");
        }).described("check slow");
        List<Check> checks = List.of(check("a", Set.of(), true), interrupted, TestCheck.of("after", () -> {
            throw new AssertionError("must not run");
        }));
        FakeContainer container = new FakeContainer(cmd -> ok("")).logs(List.of("x"), List.of("y"));

        VerificationReport report = new Verifier(checks, new RecordingConsole(), () -> java.util.Optional.ofNullable(stop.get()))
                .verify("img:1", container, "name");

        assertThat(Thread.currentThread().isInterrupted()).as("cleared, so the report and the removal can proceed").isFalse();
        assertThat(report.results()).extracting(CheckResult::id).containsExactly("a", "slow");
        assertThat(report.results()).extracting(CheckResult::status).containsExactly(Status.PASSED, Status.INTERRUPTED);
        assertThat(report.results().get(1).detail()).isEqualTo("interrupted by SIGTERM");
        assertThat(report.interruptedBy()).isEqualTo("SIGTERM");
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).isEmpty();
        assertThat(report.containerLog()).as("no log tails: nothing failed").isEmpty();
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckRunsNone() {
        VerificationReport report = new Verifier(List.of(TestCheck.of("a", () -> {
            throw new AssertionError("must not run");
        })), new RecordingConsole(), () -> java.util.Optional.of("SIGINT")).verify("img:1", new FakeContainer(cmd -> ok("")), "n");

        assertThat(report.results()).isEmpty();
        assertThat(report.interruptedBy()).isEqualTo("SIGINT");
        assertThat(report.interruptedCheck()).isEmpty();
    }
}
