package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.verify.checks.Polling;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.verify.report.CheckResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Numbers in the log read the same on every machine: a German or Arabic default locale changes nothing. */
class LocaleIndependenceTest {
    private Locale saved;

    @BeforeEach
    void foreignLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void secondsAndTheReportTableUseADotAndAsciiDigits() {
        for (Locale locale : List.of(Locale.GERMANY, Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"))) {
            Locale.setDefault(locale);
            VerificationReport report = new VerificationReport("img:1", "c", Instant.EPOCH, List.of(new CheckResult(
                    "running", "the container is running", Status.PASSED, Duration.ofMillis(1500), "ok")), Map.of(),
                    List.of(), List.of());

            assertThat(Polling.seconds(Duration.ofMillis(1234))).as(locale.toString()).isEqualTo("1.23 s");
            assertThat(String.join("\n", ReportTable.render(report))).as(locale.toString())
                    .contains("   1  PASSED    1.50 s").doesNotContain("1,50");
        }
    }
}
