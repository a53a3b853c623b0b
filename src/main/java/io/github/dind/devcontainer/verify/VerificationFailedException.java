package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.verify.report.CheckResult;
import io.github.dind.devcontainer.verify.report.VerificationReport;
import io.github.dind.devcontainer.DevcontainerException;
import java.util.List;

/** The devcontainer started, and at least one check failed in at least one boot. */
public final class VerificationFailedException extends DevcontainerException {
    private static final long serialVersionUID = 1L;
    private final transient List<VerificationReport> reports;

    public VerificationFailedException(String message, List<VerificationReport> reports) {
        super(message);
        this.reports = List.copyOf(reports);
        withStep(reports.stream().filter(r -> !r.passed()).findFirst()
                .flatMap(r -> r.failures().stream().findFirst()).map(CheckResult::id).orElse(null));
    }

    @Override
    public boolean isFailure() {
        return true;
    }

    /** Every boot's report, the failed ones included. */
    public List<VerificationReport> reports() {
        return reports;
    }
}
