package io.github.dind.devcontainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The IT tiers the pom's invoker executions run (README, Development), checked against it/: every
 * name a tier lists is an IT, no IT is in two tiers, the no-Docker ITs leave the engine alone, and
 * the host tier's ITs say which tools they need.
 */
class ItTiersTest {
    private static final Path IT = Path.of("it");

    private static String property(String name) throws Exception {
        Element properties = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getElementsByTagName("properties").item(0);
        String value = properties.getElementsByTagName(name).item(0).getTextContent().trim();
        Matcher reference = Pattern.compile("\\$\\{(its\\.[\\w.-]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(resolved, Matcher.quoteReplacement(property(reference.group(1))));
        }
        return reference.appendTail(resolved).toString();
    }

    private static List<String> its() throws IOException {
        try (Stream<Path> entries = Files.list(IT)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The ITs a tier's expression takes, as the execution's %regex exclusion does. */
    private static List<String> tier(String property) throws Exception {
        Pattern pattern = Pattern.compile("(?:" + property(property) + ")");
        return its().stream().filter(name -> pattern.matcher(name).matches()).toList();
    }

    @Test
    void itHoldsItsAndTwoKnownFilesOnly() throws IOException {
        // the engine tier runs ${invoker.test} (default *) minus the others: anything else here would be run as an IT
        try (Stream<Path> entries = Files.list(IT)) {
            assertThat(entries.filter(p -> !Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("settings.xml", "prepare-host");
        }
    }

    @Test
    void everyNameATierListsIsAnIt() throws Exception {
        for (String property : List.of("its.no-docker", "its.host", "its.engine.alone", "its.mavens")) {
            for (String alternative : property(property).split("\\|")) {
                Pattern pattern = Pattern.compile(alternative);
                assertThat(its()).as("%s names %s", property, alternative).anyMatch(it -> pattern.matcher(it).matches());
            }
        }
    }

    @Test
    void noItIsInTwoTiers() throws Exception {
        List<String> both = new ArrayList<>(tier("its.no-docker"));
        both.retainAll(tier("its.host"));
        assertThat(both).isEmpty();
        for (String tier : List.of("its.no-docker", "its.host")) {
            List<String> alone = new ArrayList<>(tier("its.engine.alone"));
            alone.retainAll(tier(tier));
            assertThat(alone).as("its.engine.alone is a part of the engine tier, not of %s", tier).isEmpty();
        }
    }

    @Test
    void theNoDockerItsLeaveTheEngineAlone() throws Exception {
        for (String it : tier("its.no-docker")) {
            Path dir = IT.resolve(it);
            String pom = Files.readString(dir.resolve("pom.xml"));
            String invoker = Files.readString(dir.resolve("invoker.properties"));
            assertThat(pom).as(it).doesNotContain("<goal>verify</goal>").doesNotContain("<goal>push</goal>");
            if (pom.contains("<goal>build</goal>")) {
                assertThat(invoker).as("%s builds: only against a daemon of its own (DOCKER_HOST)", it)
                        .contains("invoker.environmentVariables.DOCKER_HOST");
            }
            try (Stream<Path> scripts = Files.list(dir)) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".groovy")).toList()) {
                    assertThat(Files.readString(script)).as("%s runs docker", script).doesNotContain("'docker'");
                }
            }
        }
    }

    @Test
    void onlyTheItsThatRunAloneCountEveryContainer() throws Exception {
        // the engine and host tiers run two ITs at a time: a count of the engine's whole state would see the other's
        List<String> alone = tier("its.engine.alone");
        for (String it : its()) {
            try (Stream<Path> scripts = Files.list(IT.resolve(it))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".groovy")).toList()) {
                    String text = Files.readString(script);
                    if (!alone.contains(it)) {
                        assertThat(text).as("%s counts every container: scope it by label, or list it in its.engine.alone", script)
                                .doesNotContain("'docker', 'ps', '-aq']").doesNotContain("'docker', 'ps', '-q']");
                    }
                    assertThat(Arrays.stream(text.split("role=verify'", -1)).skip(1))
                            .as("%s: verify's role label without the project's", script)
                            .allMatch(rest -> rest.startsWith(", '--filter', projectLabel(basedir)"));
                }
            }
        }
    }

    @Test
    void theHostTiersItsSayWhatTheyNeed() throws Exception {
        for (String it : tier("its.host")) {
            assertThat(IT.resolve(it).resolve("selector.groovy")).as(it).isRegularFile();
        }
        for (String it : its()) {
            Path selector = IT.resolve(it).resolve("selector.groovy");
            if (Files.exists(selector)) {
                assertThat(Files.readString(selector)).as(it).contains("HostTools.require(basedir, ");
            }
        }
    }

    @Test
    void noScriptReachesOutOfItsFolderForHelpersOrTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(IT)) {
            for (Path script : files.filter(p -> p.toString().endsWith(".groovy")).toList()) {
                String text = Files.readString(script);
                assertThat(text).as(script.toString())
                        .doesNotContain("evaluate(")
                        .doesNotContain("src/main/resources/templates")
                        .doesNotContain("'../")
                        // a process call without a bound: Commands has them all
                        .doesNotContain(".execute()")
                        .doesNotContain(".waitFor()");
            }
        }
    }

    @Test
    void theExpressionsAreRegularExpressionsTheInvokerCanSplit() throws Exception {
        for (String property : List.of("its.no-docker", "its.host", "its.engine.alone", "its.mavens")) {
            // invoker.test is split at commas
            assertThat(property(property)).as(property).doesNotContain(",").doesNotContain("]");
            assertThat(Arrays.stream(property(property).split("\\|"))).doesNotHaveDuplicates();
        }
    }
}
