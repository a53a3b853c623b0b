package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.verify.checks.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one verification run found: each check's result, the measured timings, and, when a
 * check failed, the tail of the container's log and of dockerd's log.
 *
 * @param interruptedBy what stopped the run before its checks were done ("SIGINT", "SIGTERM"); null
 *     when it ran to the end. Then the last result is the check it stopped in ({@code INTERRUPTED}),
 *     and the checks after it are not listed.
 */
public record VerificationReport(
        String image,
        String container,
        Instant started,
        List<CheckResult> results,
        Map<String, Duration> timings,
        List<String> containerLog,
        List<String> dockerdLog,
        String interruptedBy) {

    public VerificationReport {
        results = List.copyOf(results);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        containerLog = List.copyOf(containerLog);
        dockerdLog = List.copyOf(dockerdLog);
    }

    /** A run that went to the end. */
    public VerificationReport(String image, String container, Instant started, List<CheckResult> results,
            Map<String, Duration> timings, List<String> containerLog, List<String> dockerdLog) {
        this(image, container, started, results, timings, containerLog, dockerdLog, null);
    }

    public boolean interrupted() {
        return interruptedBy != null;
    }

    /** Every check ran and none failed. */
    public boolean passed() {
        return !interrupted() && results.stream().noneMatch(CheckResult::failed);
    }

    /** The check the run stopped in; empty when it was not interrupted, or was stopped between checks. */
    public Optional<CheckResult> interruptedCheck() {
        return results.stream().filter(r -> r.status() == CheckResult.Status.INTERRUPTED).findFirst();
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }

    public Optional<Duration> timeToReady() {
        return Optional.ofNullable(timings.get(Timings.READY));
    }

    public Duration took() {
        return results.stream().map(CheckResult::took).reduce(Duration.ZERO, Duration::plus);
    }
}
