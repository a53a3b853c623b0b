package io.github.dind.devcontainer.verify.report;

import java.time.Duration;

/** How one check went. */
public record CheckResult(String id, String description, Status status, Duration took, String detail) {
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
