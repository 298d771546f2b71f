package org.rainbow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Which Rainbow modules a service runs with: itself and, transitively, those its pom names outside tests. */
final class RainbowModules {

    private RainbowModules() {
    }

    static Set<String> of(String module) {
        return collect(module, new LinkedHashSet<>());
    }

    private static Set<String> collect(String module, Set<String> seen) {
        Path pom = Checkout.path(module).resolve("pom.xml");
        if (!seen.add(module) || !Files.exists(pom)) {
            return seen;
        }
        NodeList dependencies = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "groupId").equals("org.rainbow") && !text(dependency, "scope").equals("test")) {
                collect(text(dependency, "artifactId"), seen);
            }
        }
        return seen;
    }

    private static Element parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
