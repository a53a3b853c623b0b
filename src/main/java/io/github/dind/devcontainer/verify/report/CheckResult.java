package io.github.dind.devcontainer.verify.report;

import java.time.Duration;

/** How one check went. */
public record CheckResult(String id, String description, Status status, Duration took, String detail) {
    /** {@code INTERRUPTED}: the run was stopped (Ctrl-C, SIGTERM) while this check ran; it neither passed nor failed. */
    public enum Status {
        PASSED, FAILED, SKIPPED, INTERRUPTED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
