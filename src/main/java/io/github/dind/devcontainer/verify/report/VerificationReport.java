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
 */
public record VerificationReport(
        String image,
        String container,
        Instant started,
        List<CheckResult> results,
        Map<String, Duration> timings,
        List<String> containerLog,
        List<String> dockerdLog) {

    public VerificationReport {
        results = List.copyOf(results);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        containerLog = List.copyOf(containerLog);
        dockerdLog = List.copyOf(dockerdLog);
    }

    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed);
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
