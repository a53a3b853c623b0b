package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.testing.RecordingConsole;
import io.github.dind.devcontainer.verify.checks.Timings;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.verify.report.CheckResult.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {
    @TempDir
    Path dir;

    private static VerificationReport report() {
        return new VerificationReport("img:1", "app-verify-1234", Instant.parse("2026-11-29T10:00:00Z"), List.of(
                new CheckResult("running", "the container is running", Status.PASSED, Duration.ofMillis(12), "running"),
                new CheckResult("docker-info", "docker info answers", Status.FAILED, Duration.ofMillis(5000),
                        "docker info did not answer: <\"&'> \u001b[31mred\u001b[0m"),
                new CheckResult("inner-container", "the inner daemon runs a container", Status.SKIPPED, Duration.ZERO,
                        "skipped: docker-info did not pass")),
                Map.of(Timings.STOP, Duration.ofMillis(80)),
                List.of("startup.sh: starting dockerd"), List.of("failed to start daemon: \u0007bell"));
    }

    @Test
    void theJUnitFileParsesAndCountsLikeSurefires() throws Exception {
        Path file = dir.resolve("reports/TEST-devcontainer-verify.xml");
        JUnitReport.write(report(), file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-29T10:00:00");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("<\"&'>").contains("\uFFFD[31mred");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("startup.sh: starting dockerd", "failed to start daemon: \uFFFDbell");
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void theJUnitFileHoldsEveryAttributePropertyAndDetailInSurefiresLayout() throws Exception {
        Path file = dir.resolve("reports/TEST-devcontainer-verify.xml");

        String written = JUnitReport.write(report(), file);

        // the whole file: a CI server reads each attribute, property and text, so each is pinned
        assertThat(written).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="devcontainer.verify" tests="3" failures="1" errors="0" skipped="1" time="5.012" \
                timestamp="2026-11-29T10:00:00">
                  <properties>
                    <property name="image" value="img:1"/>
                    <property name="container" value="app-verify-1234"/>
                    <property name="docker stop" value="0.080 s"/>
                  </properties>
                  <testcase classname="devcontainer.verify" name="running: the container is running" time="0.012"></testcase>
                  <testcase classname="devcontainer.verify" name="docker-info: docker info answers" time="5.000">\
                <failure message="docker info did not answer: &lt;&quot;&amp;'&gt; \uFFFD[31mred\uFFFD[0m" \
                type="devcontainer.CheckFailed">docker info did not answer: &lt;"&amp;'&gt; \uFFFD[31mred\uFFFD[0m</failure>\
                <system-out>--- container log (last lines) ---
                startup.sh: starting dockerd
                --- /var/log/dockerd.log (last lines) ---
                failed to start daemon: \uFFFDbell
                </system-out></testcase>
                  <testcase classname="devcontainer.verify" name="inner-container: the inner daemon runs a container" \
                time="0.000"><skipped message="skipped: docker-info did not pass"/></testcase>
                </testsuite>
                """);
        assertThat(java.nio.file.Files.readString(file)).as("the file holds what write returned").isEqualTo(written);
    }

    @Test
    void xmlKeepsEveryCharacterXml10AllowsAndReplacesTheOthers() {
        String allowed = "\t\n\r \uD7FF\uE000\uFFFD" + Character.toString(0x10000) + Character.toString(0x10FFFF);
        assertThat(JUnitReport.clean(allowed)).isEqualTo(allowed);

        String forbidden = "\u0000\u0008\u000B\u001F\uDFFF\uD800\uFFFE\uFFFF"; // lone surrogates: low before high
        assertThat(JUnitReport.clean(forbidden)).isEqualTo("\uFFFD".repeat(8));
    }

    @Test
    void theConsoleShowsTheTableAndTimingsAndAFailureBothLogTails() {
        RecordingConsole console = new RecordingConsole();

        new ReportOutput(console).show(report());

        assertThat(console.info()).containsExactlyElementsOf(java.util.stream.Stream.concat(ReportTable.render(report()).stream(),
                java.util.stream.Stream.of("  docker stop: 0.08 s")).toList());
        assertThat(console.warn()).containsExactly("Last lines of the container log:", "  | startup.sh: starting dockerd",
                "Last lines of /var/log/dockerd.log:", "  | failed to start daemon: \u0007bell");
    }

    @Test
    void aFailureWithoutADockerdLogSaysDockerdNeverStartedAndAPassShowsNoTails() {
        VerificationReport failed = report();
        RecordingConsole console = new RecordingConsole();

        new ReportOutput(console).show(new VerificationReport(failed.image(), failed.container(), failed.started(), failed.results(),
                Map.of(), List.of(), List.of()));

        assertThat(console.warn()).containsExactly("Last lines of the container log:", "Last lines of /var/log/dockerd.log:",
                "  (none: the file does not exist, dockerd never started)");

        RecordingConsole passing = new RecordingConsole();
        new ReportOutput(passing).show(new VerificationReport(failed.image(), failed.container(), failed.started(),
                List.of(failed.results().get(0)), Map.of(), List.of("x"), List.of("y")));
        assertThat(passing.warn()).isEmpty();
        assertThat(passing.info()).isNotEmpty();
    }

    @Test
    void theTableHasOneRowPerCheckAndNoLineBreaksInside() {
        List<String> lines = ReportTable.render(report());

        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).contains(" 2  FAILED ", "5.00 s", "docker info answers");
        assertThat(lines.get(3)).contains("SKIPPED", " - ");
        assertThat(ReportTable.oneLine("a\n  b\r\nc")).isEqualTo("a | b | c");
    }

    @Test
    void repeatStatisticsGiveTheMedianAndTheWorst() {
        VerificationReport r = report();
        List<VerificationReport> runs = List.of(
                withReady(r, 1200), withReady(r, 1000), withReady(r, 3000), withReady(r, 1100));

        RepeatSummary summary = RepeatSummary.of(runs);

        assertThat(summary.passed()).isZero();
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(summary.medianReady()).contains(Duration.ofMillis(1150));
        assertThat(summary.worstReady()).contains(Duration.ofMillis(3000));
        assertThat(summary.describe()).isEqualTo("0 passed, 4 failed; time to docker info: median 1.15 s, worst 3.00 s");
        assertThat(RepeatSummary.median(List.of())).isEqualTo(Optional.empty());
    }

    private static VerificationReport withReady(VerificationReport r, long millis) {
        return new VerificationReport(r.image(), r.container(), r.started(), r.results(),
                Map.of(Timings.READY, Duration.ofMillis(millis)), r.containerLog(), r.dockerdLog());
    }
}
