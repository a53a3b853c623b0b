package io.github.dind.devcontainer.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin generated from the Mojos (process-classes runs
 * before the tests) against the property rule of {@link PropertyNames} and the README's tables.
 */
class PluginDescriptorTest {
    /** Properties that belong to Maven or Failsafe, honoured as Failsafe honours them. */
    private static final Map<String, String> FOREIGN = Map.of("skipITs", "skipITs", "skipTests", "skipTests",
            "mavenTestSkip", "maven.test.skip");

    /** goal → parameter → (property or null, default or null), for the editable parameters. */
    private static final Map<String, Map<String, String[]>> DESCRIPTOR = new LinkedHashMap<>();

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path file = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertThat(file).as("run through Maven: process-classes writes the descriptor").exists();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList mojos = xml.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                if (!"true".equals(text(p, "editable"))) {
                    continue;
                }
                String name = text(p, "name");
                String property = null;
                String defaultValue = null;
                NodeList conf = configuration.getElementsByTagName(name);
                if (conf.getLength() > 0) {
                    Element c = (Element) conf.item(0);
                    String expression = c.getTextContent().strip();
                    property = expression.isEmpty() ? null : expression.substring(2, expression.length() - 1);
                    defaultValue = c.hasAttribute("default-value") ? c.getAttribute("default-value") : null;
                }
                parameters.put(name, new String[] {property, defaultValue});
            }
            DESCRIPTOR.put(goal, parameters);
        }
    }

    private static String text(Element parent, String child) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    @Test
    void everyParameterHasThePropertyTheRuleGives() {
        List<String> wrong = new ArrayList<>();
        DESCRIPTOR.forEach((goal, parameters) -> parameters.forEach((name, pd) -> {
            String expected = FOREIGN.getOrDefault(name, PropertyNames.of(goal, name));
            if (expected == null ? pd[0] != null : !expected.equals(pd[0])) {
                wrong.add(goal + ":" + name + " has " + pd[0] + ", the rule says " + expected);
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(DESCRIPTOR).containsKeys("generate", "build", "verify");
    }

    @Test
    void theRuleNamesSharedAndOwnParametersAndSkipFlags() {
        assertThat(PropertyNames.of("build", "imageName")).isEqualTo("devcontainer.imageName");
        assertThat(PropertyNames.of("generate", "distro")).isEqualTo("devcontainer.generate.distro");
        assertThat(PropertyNames.of("verify", "skipVerify")).isEqualTo("devcontainer.verify.skip");
        assertThat(PropertyNames.of("build", "skip")).isEqualTo("devcontainer.skip");
        assertThat(PropertyNames.of("build", "buildArgs")).isNull();
    }

    @Test
    void sharedMeansSharedByMoreThanOneGoal() {
        for (String shared : PropertyNames.SHARED) {
            long goals = DESCRIPTOR.values().stream().filter(p -> p.containsKey(shared)).count();
            assertThat(goals).as(shared + " is read by several goals").isGreaterThan(1);
        }
    }

    @Test
    void theReadmeTablesMatchTheDescriptor() throws Exception {
        Map<String, Map<String, String[]>> readme = readmeTables(Files.readString(Path.of("README.md")));
        Map<String, String[]> shared = readme.getOrDefault("shared", Map.of());
        List<String> problems = new ArrayList<>();
        DESCRIPTOR.forEach((goal, parameters) -> parameters.forEach((name, pd) -> {
            String[] row = readme.getOrDefault(goal, Map.of()).getOrDefault(name, shared.get(name));
            if (row == null) {
                problems.add(goal + ":" + name + " is not in the README");
                return;
            }
            String property = row[0].isEmpty() ? null : row[0];
            if (property == null ? pd[0] != null : !property.equals(pd[0])) {
                problems.add(goal + ":" + name + " README says property " + property + ", the plugin " + pd[0]);
            }
            if (row[1].startsWith("`") && pd[1] != null && !row[1].startsWith("`" + pd[1] + "`")) {
                problems.add(goal + ":" + name + " README says default " + row[1] + ", the plugin " + pd[1]);
            }
        }));
        readme.forEach((section, rows) -> rows.keySet().forEach(name -> {
            boolean known = section.equals("shared") ? DESCRIPTOR.values().stream().anyMatch(p -> p.containsKey(name))
                    : DESCRIPTOR.getOrDefault(section, Map.of()).containsKey(name);
            if (!known) {
                problems.add("README documents " + section + ":" + name + ", which the plugin does not have");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(readme).containsKeys("shared", "generate", "build", "verify");
    }

    @Test
    void m2eKnowsWhatToDoWithEveryGoal() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/m2e/lifecycle-mapping-metadata.xml").toFile());
        Map<String, String> actions = new LinkedHashMap<>();
        NodeList executions = xml.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element action = (Element) execution.getElementsByTagName("action").item(0);
            String kind = ((Element) action.getElementsByTagName("*").item(0)).getTagName();
            NodeList goals = execution.getElementsByTagName("goal");
            for (int j = 0; j < goals.getLength(); j++) {
                actions.put(goals.item(j).getTextContent().strip(), kind);
            }
        }
        assertThat(actions.keySet()).containsExactlyInAnyOrderElementsOf(DESCRIPTOR.keySet());
        assertThat(actions).containsEntry("generate", "execute").containsEntry("build", "ignore")
                .containsEntry("verify", "ignore");
    }

    private static final Pattern SECTION = Pattern.compile("^### (?:`devcontainer:([a-z]+)`|(Shared) parameters)");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| (?:`([^`]*)`)? *\\| ([^|]*)\\|");

    /** section (goal, or "shared") → parameter → (property, default cell), from the README's tables. */
    static Map<String, Map<String, String[]>> readmeTables(String readme) {
        Map<String, Map<String, String[]>> tables = new LinkedHashMap<>();
        String section = null;
        for (String line : readme.lines().toList()) {
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                section = s.group(1) != null ? s.group(1) : "shared";
                continue;
            }
            if (line.startsWith("## ")) {
                section = null;
            }
            Matcher r = ROW.matcher(line);
            if (section != null && r.find()) {
                tables.computeIfAbsent(section, k -> new LinkedHashMap<>())
                        .put(r.group(1), new String[] {r.group(2) == null ? "" : r.group(2), r.group(3).strip()});
            }
        }
        return tables;
    }

    @Test
    void readmeRowsAreParsedAsWritten() {
        Map<String, Map<String, String[]>> t = readmeTables("### `devcontainer:build` (phase)\n\n"
                + "| parameter | property | default | |\n|---|---|---|---|\n| `pull` | `devcontainer.build.pull` | `missing` | x |\n"
                + "| `buildArgs` | | | y |\n## Next\n| `other` | `x` | | |\n");
        assertThat(t).containsOnlyKeys("build");
        assertThat(t.get("build")).containsOnlyKeys("pull", "buildArgs");
        assertThat(t.get("build").get("pull")).containsExactly("devcontainer.build.pull", "`missing`");
        assertThat(t.get("build").get("buildArgs")[0]).isEmpty();
        assertThat(Set.of(PropertyNames.SKIP, PropertyNames.DIRECTORY)).allMatch(p -> p.startsWith("devcontainer."));
    }
}
