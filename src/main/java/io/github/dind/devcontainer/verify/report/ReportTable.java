package io.github.dind.devcontainer.verify.report;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

/** The report as plain log lines: one row per check (number, result, time, check, evidence). */
public final class ReportTable {
    private ReportTable() {
    }

    public static List<String> render(VerificationReport report) {
        List<String> lines = new ArrayList<>();
        int width = report.results().stream().mapToInt(r -> r.description().length()).max().orElse(10);
        lines.add(String.format(Locale.ROOT, "  %2s  %-7s %8s  %-" + width + "s  %s", "#", "result", "time", "check", "evidence"));
        int n = 0;
        for (CheckResult r : report.results()) {
            lines.add(String.format(Locale.ROOT, "  %2d  %-7s %8s  %-" + width + "s  %s", ++n, r.status(), seconds(r), r.description(),
                    oneLine(r.detail())));
        }
        return lines;
    }

    private static String seconds(CheckResult r) {
        return r.status() == CheckResult.Status.SKIPPED ? "-" : String.format(Locale.ROOT, "%.2f s", r.took().toMillis() / 1000.0);
    }

    /** A detail on one line, shortened, for the log and XML attributes. */
    public static String oneLine(String text) {
        String flat = text.replaceAll("\\s*\\R\\s*", " | ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
