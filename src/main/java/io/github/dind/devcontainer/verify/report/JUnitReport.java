package io.github.dind.devcontainer.verify.report;

import io.github.dind.devcontainer.WholeFile;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a report as a JUnit XML file in the layout Surefire and Failsafe write, so CI servers
 * (Jenkins, GitLab, GitHub Actions reporters) show the checks like tests. Characters XML 1.0 cannot
 * hold (escape sequences in a log) are replaced. An interrupted run is no verdict: the check it
 * stopped in is {@code <skipped>} with the reason, the suite has an {@code interrupted} property, and
 * no check counts as a failure.
 */
public final class JUnitReport {
    static final String SUITE = "devcontainer.verify";

    private JUnitReport() {
    }

    /**
     * Writes the report to {@code file}, whole ({@link WholeFile}): a reader never sees half a report.
     *
     * @return the XML written, for a copy that must equal the file (a stored verdict)
     * @throws IOException when the folder or the file cannot be written
     */
    public static String write(VerificationReport report, Path file) throws IOException {
        String text = xml(report);
        WholeFile.write(file, text);
        return text;
    }

    /** The report as JUnit XML. */
    public static String xml(VerificationReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(report, xml);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render the report as XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(VerificationReport report, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", Integer.toString(report.results().size()));
        xml.writeAttribute("failures", Long.toString(report.failures().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(report.results().stream()
                .filter(r -> r.status() == CheckResult.Status.SKIPPED || r.status() == CheckResult.Status.INTERRUPTED)
                .count()));
        xml.writeAttribute("time", seconds(report.took().toMillis()));
        xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                report.started().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0)));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "image", report.image());
        property(xml, "container", report.container());
        if (report.interrupted()) {
            property(xml, "interrupted", ReportOutput.interruption(report));
        }
        report.timings().forEach((name, value) -> property(xml, name, seconds(value.toMillis()) + " s"));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (CheckResult result : report.results()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", SUITE);
            xml.writeAttribute("name", clean(result.id() + ": " + result.description()));
            xml.writeAttribute("time", seconds(result.took().toMillis()));
            switch (result.status()) {
                case FAILED -> {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", clean(ReportTable.oneLine(result.detail())));
                    xml.writeAttribute("type", "devcontainer.CheckFailed");
                    xml.writeCharacters(clean(result.detail()));
                    xml.writeEndElement();
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean(diagnostics(report)));
                    xml.writeEndElement();
                }
                case SKIPPED, INTERRUPTED -> {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", clean(result.detail()));
                }
                default -> xml.writeCharacters(clean(""));
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void property(XMLStreamWriter xml, String name, String value) {
        try {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", clean(name));
            xml.writeAttribute("value", clean(value == null ? "" : value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static String diagnostics(VerificationReport report) {
        return section("container log (last lines)", report.containerLog())
                + section("/var/log/dockerd.log (last lines)", report.dockerdLog());
    }

    private static String section(String title, List<String> lines) {
        return "--- " + title + " ---\n" + (lines.isEmpty() ? "(empty)\n" : String.join("\n", lines) + "\n");
    }

    /** Replaces what XML 1.0 cannot carry (control characters other than tab and line breaks). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            out.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return out.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
