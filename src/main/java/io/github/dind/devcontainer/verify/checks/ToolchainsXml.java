package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.devcontainer.JavaVersion;
import io.github.dind.devcontainer.UntrustedXml;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The JDK toolchains a Maven {@code toolchains.xml} provides (maven.apache.org, "Guide to Using
 * Toolchains": {@code <toolchain><type>jdk</type><provides><version>}, {@code <configuration><jdkHome>}),
 * by the feature version their {@code <version>} names. Read as {@link UntrustedXml}: the file comes
 * from inside the container.
 */
final class ToolchainsXml {
    private ToolchainsXml() {
    }

    /**
     * @return feature version to {@code jdkHome}, in the file's order (the first toolchain of a version wins, as in Maven)
     * @throws IOException when the text is not well-formed XML
     */
    static Map<Integer, String> jdks(String xml) throws IOException {
        Document document = UntrustedXml.parse(new InputSource(new StringReader(xml)), "not a toolchains.xml");
        Map<Integer, String> jdks = new LinkedHashMap<>();
        NodeList toolchains = document.getElementsByTagName("toolchain");
        for (int i = 0; i < toolchains.getLength(); i++) {
            Element toolchain = (Element) toolchains.item(i);
            if (!"jdk".equals(text(toolchain, "type"))) {
                continue;
            }
            OptionalInt version = JavaVersion.parse(text(toolchain, "version"));
            String home = text(toolchain, "jdkHome");
            if (version.isPresent() && home != null) {
                jdks.putIfAbsent(version.getAsInt(), home);
            }
        }
        return jdks;
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
