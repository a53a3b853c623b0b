package io.github.dind.devcontainer.workspace;

import io.github.dind.devcontainer.UntrustedXml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The modules a {@code pom.xml} lists, read as written: {@code <modules><module>} (POM 4.0.0) and
 * {@code <subprojects><subproject>} (Maven 4's POM 4.1.0), its profiles' included, whether or not a
 * profile is active (a module a profile adds still belongs to the repository). Read as
 * {@link UntrustedXml}: the file is the user's, and only element names and text are needed.
 */
public final class PomModules implements OwnerRule.PomModules {
    @Override
    public List<String> of(Path pom) throws IOException {
        Document document = UntrustedXml.parse(new InputSource(pom.toUri().toString()), pom + " is not a pom");
        List<String> modules = new ArrayList<>();
        Element project = document.getDocumentElement();
        listed(project, modules);
        for (Element profiles : children(project, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                listed(profile, modules);
            }
        }
        return modules;
    }

    private static void listed(Element parent, List<String> modules) {
        for (Element list : children(parent, "modules")) {
            children(list, "module").forEach(m -> modules.add(m.getTextContent().strip()));
        }
        for (Element list : children(parent, "subprojects")) {
            children(list, "subproject").forEach(m -> modules.add(m.getTextContent().strip()));
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }
}
