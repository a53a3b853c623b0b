package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.testing.FakeContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaChecksTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String JAVA_21 = "openjdk version \"21.0.13\" 2026-10-20\nOpenJDK Runtime Environment (build 21.0.13+9)";
    private static final String MVN_V = "Apache Maven 3.9.9\nMaven home: /usr/share/maven\nJava version: 21.0.13, vendor: Debian";

    private static ExecResult answer(String command, String java, String javac, String mvn) {
        if (command.endsWith("java -version 2>&1")) {
            return ok(java);
        }
        if (command.contains("javac\" -version")) {
            return ok(javac);
        }
        if (command.endsWith("mvn -B -v")) {
            return ok(mvn);
        }
        return exit(127, "unexpected: " + command);
    }

    @Test
    void javaPassesWhenJavaAndJavacAreTheChosenJdkForTheRemoteUser() {
        FakeContainer container = new FakeContainer(c -> answer(c, JAVA_21, "javac 21.0.13", MVN_V)).remoteUser("dev");

        Observation seen = new JavaCheck(21, List.of(), TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(container.commands()).allMatch(c -> c.startsWith("dev$ /bin/sh -lc "));
    }

    @Test
    void javaFailsOnAnotherJdkOrNone() {
        FakeContainer older = new FakeContainer(c -> answer(c, "openjdk version \"17.0.2\"", "javac 21.0.1", MVN_V));
        assertThat(new JavaCheck(21, List.of(), TIMEOUT).run(older, new Timings()).detail())
                .isEqualTo("java is 17 and $JAVA_HOME/bin/javac is 21, expected 21");

        FakeContainer none = new FakeContainer(c -> exit(127, "sh: 1: java: not found"));
        Observation seen = new JavaCheck(21, List.of(), TIMEOUT).run(none, new Timings());
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("exited with 127").contains("java: not found");
    }

    @Test
    void javaReadsJava8sVersionScheme() {
        assertThat(JavaCheck.major(ok("openjdk version \"1.8.0_432\""))).isEqualTo(OptionalInt.of(8));
    }

    @Test
    void mavenReadsItsVersionWithoutTheBannersColours() {
        FakeContainer coloured = new FakeContainer(c -> answer(c, JAVA_21, "javac 21",
                MVN_V.replace("Apache Maven 3.9.9", "\u001b[1mApache Maven 3.9.9\u001b[m")));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(coloured, new Timings()))
                .isEqualTo(Observation.pass("Apache Maven 3.9.9 on Java 21 for root"));
    }

    @Test
    void mavenPassesOnTheChosenJavaAndFailsOnAnother() {
        FakeContainer on21 = new FakeContainer(c -> answer(c, JAVA_21, "javac 21", MVN_V));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(on21, new Timings()))
                .isEqualTo(Observation.pass("Apache Maven 3.9.9 on Java 21 for root"));

        FakeContainer on17 = new FakeContainer(c -> answer(c, JAVA_21, "javac 21", MVN_V.replace("21.0.13", "17.0.9")));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(on17, new Timings()).passed()).isFalse();

        FakeContainer missing = new FakeContainer(c -> exit(127, "sh: 1: mvn: not found"));
        assertThat(new MavenCheck(OptionalInt.empty(), TIMEOUT).run(missing, new Timings()).detail())
                .contains("mvn: not found");
    }

    @Test
    void projectBuildRunsInTheWorkspaceAsTheUserAndShowsTheTailOfAFailure() {
        FakeContainer container = new FakeContainer(c -> exit(1, "[ERROR] line\n".repeat(40) + "[ERROR] BUILD FAILURE"))
                .remoteUser("dev");

        Observation seen = new ProjectBuildCheck("/workspaces/it's", "mvn -B -q package", TIMEOUT)
                .run(container, new Timings());

        assertThat(container.commands()).containsExactly("dev$ /bin/sh -lc cd '/workspaces/it'\\''s' && mvn -B -q package");
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("exit code 1 as dev after ").endsWith("[ERROR] BUILD FAILURE");
        assertThat(seen.detail().lines().count()).isEqualTo(31);
        assertThat(new ProjectBuildCheck("/workspaces/x", "true", TIMEOUT)
                .run(new FakeContainer(c -> ok("")), new Timings()).passed()).isTrue();
    }

    @Test
    void theCatalogAddsJavaChecksFromDevcontainerJsonAndProjectBuildOnRequest() {
        LaunchSettings settings = new LaunchSettings(true, false, false, List.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(), "dev", null);
        CheckCatalog.Timeouts timeouts = new CheckCatalog.Timeouts(TIMEOUT, TIMEOUT, TIMEOUT);
        JavaExpectations java = new JavaExpectations(OptionalInt.of(21), true, Optional.of("/home/dev/.m2/repository"), List.of());

        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of())).extracting(Check::id)
                .doesNotContain("java", "maven", "project-build");
        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of(), java, null)).extracting(Check::id)
                .containsSubsequence("reaping", "java", "maven", "stop").doesNotContain("project-build");
        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of("running", "project-build"), java,
                new CheckCatalog.ProjectBuild("/workspaces/hello", "mvn -B -q -DskipTests package", TIMEOUT)))
                .extracting(Check::description)
                .containsExactly("the container is running",
                        "`mvn -B -q -DskipTests package` builds the project in /workspaces/hello");
    }

    /** What the generated Dockerfile writes: one toolchain per JDK. */
    private static final String TOOLCHAINS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <toolchains>
              <toolchain>
                <type>jdk</type>
                <provides>
                  <version>21</version>
                  <vendor>openjdk</vendor>
                </provides>
                <configuration>
                  <jdkHome>/usr/lib/jvm/java-21-openjdk</jdkHome>
                </configuration>
              </toolchain>
              <toolchain>
                <type>jdk</type>
                <provides>
                  <version>25</version>
                  <vendor>openjdk</vendor>
                </provides>
                <configuration>
                  <jdkHome>/usr/lib/jvm/java-25-openjdk</jdkHome>
                </configuration>
              </toolchain>
            </toolchains>
            """;

    /** Answers the default JDK's questions, the toolchains file, and javac -version for each home given. */
    private static ExecResult withToolchains(String command, String toolchainsXml, Map<String, String> javacByHome) {
        if (command.equals("/bin/sh -lc cat \"$HOME/.m2/toolchains.xml\"")) {
            return ok(toolchainsXml);
        }
        if (command.startsWith("/bin/sh -c for home; do ")) {
            StringBuilder out = new StringBuilder();
            for (String home : command.substring(command.indexOf(" sh ") + 4).split(" ")) {
                out.append("== jdkHome ").append(home).append('\n')
                        .append(javacByHome.getOrDefault(home, "/bin/sh: javac: not found")).append('\n');
            }
            return ok(out.toString());
        }
        return answer(command, JAVA_21, "javac 21.0.13", MVN_V);
    }

    @Test
    void javaProvesEveryToolchainJdkThatToolchainsXmlLists() {
        FakeContainer container = new FakeContainer(c -> withToolchains(c, TOOLCHAINS_XML, Map.of(
                "/usr/lib/jvm/java-21-openjdk", "javac 21.0.13", "/usr/lib/jvm/java-25-openjdk", "javac 25.0.5")))
                .remoteUser("dev");

        Observation seen = new JavaCheck(21, List.of(21, 25), TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).endsWith("toolchains.xml: JDK 21 at /usr/lib/jvm/java-21-openjdk,"
                + " JDK 25 at /usr/lib/jvm/java-25-openjdk");
        assertThat(container.commands()).allMatch(c -> c.startsWith("dev$ "));
    }

    @Test
    void javaFailsWhenToolchainsXmlLacksAJdkOrAHomeHoldsAnotherOne() {
        FakeContainer onlyOne = new FakeContainer(c -> withToolchains(c,
                TOOLCHAINS_XML.replaceAll("(?s)<toolchain>\\s*<type>jdk</type>\\s*<provides>\\s*<version>25.*?</toolchain>", ""),
                Map.of("/usr/lib/jvm/java-21-openjdk", "javac 21.0.13")));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(onlyOne, new Timings()).detail())
                .isEqualTo("~/.m2/toolchains.xml of root lists no JDK [25] (it lists [21])");

        FakeContainer wrongHome = new FakeContainer(c -> withToolchains(c, TOOLCHAINS_XML, Map.of(
                "/usr/lib/jvm/java-21-openjdk", "javac 21.0.13", "/usr/lib/jvm/java-25-openjdk", "javac 21.0.13")));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(wrongHome, new Timings()).detail())
                .startsWith("toolchains.xml's JDK 25 at /usr/lib/jvm/java-25-openjdk: its javac reports 21");

        FakeContainer absent = new FakeContainer(c -> c.contains("toolchains.xml") ? exit(1, "cat: No such file")
                : withToolchains(c, TOOLCHAINS_XML, Map.of()));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(absent, new Timings()).detail())
                .startsWith("~/.m2/toolchains.xml of root cannot be read: cat: No such file");
    }

    @Test
    void toolchainsXmlIsReadAsMavenReadsItAndRefusesEntities() throws Exception {
        assertThat(ToolchainsXml.jdks(TOOLCHAINS_XML)).containsExactly(
                Map.entry(21, "/usr/lib/jvm/java-21-openjdk"), Map.entry(25, "/usr/lib/jvm/java-25-openjdk"));
        assertThat(ToolchainsXml.jdks("<toolchains><toolchain><type>netbeans</type><provides><version>21</version>"
                + "</provides><configuration><jdkHome>/x</jdkHome></configuration></toolchain></toolchains>")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolchainsXml.jdks(
                "<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><toolchains>&x;</toolchains>"))
                .isInstanceOf(java.io.IOException.class);
    }
}
