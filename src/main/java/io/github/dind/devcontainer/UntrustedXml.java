package io.github.dind.devcontainer;

import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML read from files the plugin does not control (a pom beside the build, a toolchains.xml inside
 * the container), with the JDK's parser: DTDs refused and entities not expanded (OWASP XXE
 * prevention cheat sheet, "JAXP DocumentBuilderFactory").
 */
public final class UntrustedXml {
    private UntrustedXml() {
    }

    /**
     * @param what names the source in the message, e.g. {@code "/repo/pom.xml is not a pom"}
     * @throws IOException when the source cannot be read or is not well-formed XML (a DTD included)
     */
    public static Document parse(InputSource source, String what) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(source);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }
}
