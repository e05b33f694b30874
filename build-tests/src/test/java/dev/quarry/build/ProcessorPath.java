package dev.quarry.build;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The {@code annotationProcessorPaths} entries of a consumer's pom.xml, properties filled in. */
record ProcessorPath(String groupId, String artifactId, String version) {

  String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  static List<ProcessorPath> of(String pomXml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Document pom =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(pomXml.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> properties = new HashMap<>();
    NodeList propertyBlocks = pom.getElementsByTagName("properties");
    for (int i = 0; i < propertyBlocks.getLength(); i++) {
      NodeList children = propertyBlocks.item(i).getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j) instanceof Element property) {
          properties.put(property.getTagName(), property.getTextContent().strip());
        }
      }
    }
    List<ProcessorPath> paths = new ArrayList<>();
    NodeList pathBlocks = pom.getElementsByTagName("annotationProcessorPaths");
    for (int i = 0; i < pathBlocks.getLength(); i++) {
      NodeList children = pathBlocks.item(i).getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j) instanceof Element path) {
          paths.add(
              new ProcessorPath(
                  text(path, "groupId", properties),
                  text(path, "artifactId", properties),
                  text(path, "version", properties)));
        }
      }
    }
    return paths;
  }

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static String text(Element parent, String tag, Map<String, String> properties) {
    NodeList nodes = parent.getElementsByTagName(tag);
    Node node = nodes.item(0);
    if (node == null) {
      throw new AssertionError("an annotationProcessorPaths entry has no <" + tag + ">");
    }
    Matcher m = PROPERTY.matcher(node.getTextContent().strip());
    StringBuilder value = new StringBuilder();
    while (m.find()) {
      String replacement = properties.get(m.group(1));
      if (replacement == null) {
        throw new AssertionError("the pom has no property " + m.group(1));
      }
      m.appendReplacement(value, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(value);
    return value.toString();
  }
}
