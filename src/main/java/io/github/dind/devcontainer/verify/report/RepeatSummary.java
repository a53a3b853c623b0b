package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.verify.checks.Polling;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The statistics of repeated boots: how many passed, and the median and worst time to {@code docker info}. */
public record RepeatSummary(int passed, int failed, Optional<Duration> medianReady, Optional<Duration> worstReady) {

    public static RepeatSummary of(List<VerificationReport> reports) {
        int passed = (int) reports.stream().filter(VerificationReport::passed).count();
        List<Duration> ready = reports.stream().map(VerificationReport::timeToReady).flatMap(Optional::stream).sorted().toList();
        return new RepeatSummary(passed, reports.size() - passed, median(ready), ready.isEmpty()
                ? Optional.empty() : Optional.of(ready.get(ready.size() - 1)));
    }

    static Optional<Duration> median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }

    /** {@code 50 passed, 0 failed; time to docker info: median 1.43 s, worst 2.10 s} */
    public String describe() {
        return passed + " passed, " + failed + " failed; time to docker info: median "
                + medianReady.map(Polling::seconds).orElse("-") + ", worst " + worstReady.map(Polling::seconds).orElse("-");
    }
}
