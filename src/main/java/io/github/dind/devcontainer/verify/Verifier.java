package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.verify.checks.Check;
import io.github.dind.devcontainer.verify.checks.DaemonStatus;
import io.github.dind.devcontainer.verify.checks.Observation;
import io.github.dind.devcontainer.verify.checks.Timings;
import io.github.dind.devcontainer.verify.report.CheckResult;
import io.github.dind.devcontainer.verify.report.VerificationReport;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.verify.report.CheckResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs the checks in order against one container, reporting each as it finishes; neighbours that
 * may run at once ({@link Check#concurrent()}, grouped by {@link CheckBatches}) do. A check whose
 * prerequisite failed or was skipped is skipped, so one broken daemon gives one clear failure
 * instead of a cascade of timeouts. When anything failed, the tails of the container log and of
 * {@code /var/log/dockerd.log} go into the report.
 *
 * <p>A run told to stop (Ctrl-C, SIGTERM: {@code stoppedBy} answers) ends after the check it is in,
 * which the interrupt cuts short: that check is reported {@code INTERRUPTED}, not failed, the checks
 * after it are not run, and the report says what stopped it. The thread's interrupt is then cleared,
 * so the report can still be written and the container removed.
 */
public final class Verifier {
    static final int LOG_LINES = 40;

    private final List<Check> checks;
    private final Console console;
    private final Supplier<Optional<String>> stoppedBy;

    /** @param stoppedBy why the run must stop ({@code ContainerEngine#stoppedBy}); empty while it may go on */
    public Verifier(List<Check> checks, Console console, Supplier<Optional<String>> stoppedBy) {
        this.checks = List.copyOf(checks);
        this.console = console;
        this.stoppedBy = stoppedBy;
    }

    /** A run nothing stops. */
    public Verifier(List<Check> checks, Console console) {
        this(checks, console, Optional::empty);
    }

    public VerificationReport verify(String image, Container container, String containerName) {
        Instant started = Instant.now();
        Timings timings = new Timings();
        Map<String, Status> statuses = new HashMap<>();
        List<CheckResult> results = new ArrayList<>();
        for (List<Check> batch : CheckBatches.of(checks)) {
            if (stoppedBy.get().isPresent()) {
                break;
            }
            List<CheckResult> done = batch.size() == 1 ? List.of(run(batch.get(0), container, timings, statuses))
                    : runAtOnce(batch, container, timings, statuses);
            Optional<String> stop = stoppedBy.get();
            for (CheckResult result : done) {
                if (stop.isPresent() && result.status() != Status.PASSED) {
                    result = new CheckResult(result.id(), result.description(), Status.INTERRUPTED, result.took(),
                            "interrupted by " + stop.get());
                }
                statuses.put(result.id(), result.status());
                results.add(result);
                console.debug(String.format("%s %s: %s", result.status(), result.id(), result.detail()));
            }
        }
        Optional<String> stop = stoppedBy.get();
        if (stop.isPresent()) {
            Thread.interrupted(); // seen and reported: what follows (the report, the removal) must not be cut short
            return new VerificationReport(image, containerName, started, results, timings.all(), List.of(), List.of(),
                    stop.get());
        }
        boolean failed = results.stream().anyMatch(CheckResult::failed);
        List<String> containerLog = failed ? container.logTail(LOG_LINES) : List.of();
        List<String> dockerdLog = failed ? container.fileTail(DaemonStatus.DOCKERD_LOG, LOG_LINES) : List.of();
        return new VerificationReport(image, containerName, started, results, timings.all(), containerLog, dockerdLog);
    }

    /**
     * Runs a batch's checks on threads of their own, all at once; their prerequisites finished
     * before (see {@link CheckBatches}). The results come back in the batch's order.
     */
    private static List<CheckResult> runAtOnce(List<Check> batch, Container container, Timings timings,
            Map<String, Status> statuses) {
        Map<String, Status> before = Map.copyOf(statuses);
        ExecutorService pool = Executors.newFixedThreadPool(batch.size(), task -> {
            Thread thread = new Thread(task, "devcontainer-verify-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CheckResult>> running = new ArrayList<>();
            for (Check check : batch) {
                running.add(pool.submit(() -> run(check, container, timings, before)));
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                results.add(result(batch.get(i), running.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult result(Check check, Future<CheckResult> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return new CheckResult(check.id(), check.description(), Status.FAILED, Duration.ZERO, "interrupted");
        } catch (ExecutionException e) {
            return new CheckResult(check.id(), check.description(), Status.FAILED, Duration.ZERO,
                    Errors.rootMessage(e.getCause()));
        }
    }

    private static CheckResult run(Check check, Container container, Timings timings, Map<String, Status> statuses) {
        Optional<String> blocker = check.requires().stream()
                .filter(id -> statuses.containsKey(id) && statuses.get(id) != Status.PASSED)
                .findFirst();
        if (blocker.isPresent()) {
            return new CheckResult(check.id(), check.description(), Status.SKIPPED, Duration.ZERO,
                    "skipped: " + blocker.get() + " did not pass");
        }
        long start = System.nanoTime();
        Observation observation;
        try {
            observation = check.run(container, timings);
        } catch (Exception e) {
            String message = e instanceof ContainerException ? e.getMessage() : Errors.rootMessage(e);
            observation = Observation.fail(message + stateIfStopped(container));
        }
        return new CheckResult(check.id(), check.description(), observation.passed() ? Status.PASSED : Status.FAILED,
                Duration.ofNanos(System.nanoTime() - start), observation.detail());
    }

    private static String stateIfStopped(Container container) {
        try {
            return container.isRunning() ? "" : " (the container " + container.state() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
