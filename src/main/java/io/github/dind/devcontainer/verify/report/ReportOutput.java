package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.VerificationException;
import io.github.dind.devcontainer.verify.checks.DaemonStatus;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Where a boot's report goes: the table and log tails to the console, the JUnit XML file, the failure message. */
public final class ReportOutput {
    private final Console console;

    public ReportOutput(Console console) {
        this.console = console;
    }

    public void show(VerificationReport report) {
        ReportTable.render(report).forEach(console::info);
        report.timings().forEach((name, value) -> console.info(String.format(java.util.Locale.ROOT, "  %s: %.2f s", name,
                value.toMillis() / 1000.0)));
        if (!report.passed()) {
            console.warn("Last lines of the container log:");
            report.containerLog().forEach(line -> console.warn("  | " + line));
            console.warn("Last lines of " + DaemonStatus.DOCKERD_LOG + ":");
            if (report.dockerdLog().isEmpty()) {
                console.warn("  (none: the file does not exist, dockerd never started)");
            }
            report.dockerdLog().forEach(line -> console.warn("  | " + line));
        }
    }

    /**
     * Removes the reports an earlier run left ({@code TEST-devcontainer-verify.xml} and the per-boot
     * {@code TEST-devcontainer-verify-N.xml}), so CI that collects {@code TEST-*.xml} counts only
     * this run's; one that cannot be removed is named in a warning.
     */
    public void removeOldReports(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "TEST-devcontainer-verify{,-[0-9]*}.xml")) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            console.warn("Could not remove an earlier verify report in " + directory + ": " + e.getMessage());
        }
    }

    /**
     * Writes the JUnit XML file and names it in the log.
     *
     * @return the XML written
     * @throws VerificationException when the file cannot be written
     */
    public String write(VerificationReport report, Path file) throws VerificationException {
        try {
            String xml = JUnitReport.write(report, file);
            console.info("Report: " + file);
            return xml;
        } catch (IOException e) {
            throw new VerificationException("Cannot write the verification report " + file + " ("
                    + DevcontainerException.setting("reportDirectory") + "): " + e.getMessage(), e);
        }
    }

    /** What stopped an interrupted run and where: {@code SIGINT during docker-info, after 3 checks passed}. */
    public static String interruption(VerificationReport report) {
        long passed = report.results().stream().filter(r -> r.status() == CheckResult.Status.PASSED).count();
        return report.interruptedBy() + report.interruptedCheck().map(r -> " during the check " + r.id()).orElse(" between checks")
                + ", after " + passed + (passed == 1 ? " check" : " checks") + " passed";
    }

    /**
     * The one line an interrupted run leaves: no verdict, what stopped it, where, what became of the
     * container and of a stored pass, and where its report is.
     */
    public static String interruptedMessage(VerificationReport report, Path reportFile) {
        return "Verification of " + report.image() + " interrupted by " + interruption(report) + ": no verdict;"
                + " the container " + report.container() + " is removed and no passing verdict stays stored."
                + " Report: " + reportFile;
    }

    public static String failureMessage(List<VerificationReport> failed, int runs) {
        VerificationReport first = failed.get(0);
        String checksFailed = first.failures().stream()
                .map(r -> "  - " + r.id() + " (" + r.description() + "): " + ReportTable.oneLine(r.detail()))
                .collect(Collectors.joining(System.lineSeparator()));
        return "Devcontainer verification of " + first.image() + " failed" + (runs > 1 ? " in " + failed.size() + " of "
                + runs + " boots" : "") + ":" + System.lineSeparator() + checksFailed + System.lineSeparator()
                + "The container log and /var/log/dockerd.log tails are above and in the report.";
    }
}
