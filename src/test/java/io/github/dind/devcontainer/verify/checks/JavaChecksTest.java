package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JavaChecksTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String JAVA_21 = "openjdk version \"21.0.13\" 2026-10-20\nOpenJDK Runtime Environment (build 21.0.13+9)";
    private static final String MVN_V = "Apache Maven 3.9.9\nMaven home: /usr/share/maven\nJava version: 21.0.13, vendor: Debian";
    /** What the checks run, in login shells as the remote user (see {@link #as}). */
    private static final String JAVA = "/bin/sh -lc java -version 2>&1";
    private static final String JAVAC = "/bin/sh -lc \"$JAVA_HOME/bin/javac\" -version 2>&1";
    private static final String MVN = "/bin/sh -lc mvn -B -v";
    private static final String CAT_TOOLCHAINS = "/bin/sh -lc cat \"$HOME/.m2/toolchains.xml\"";
    /** Each toolchain JDK's javac, asked in one exec; the homes follow. */
    private static final String JAVAC_OF_HOMES =
            "/bin/sh -c for home; do echo \"== jdkHome $home\"; \"$home/bin/javac\" -version 2>&1; done sh";

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    /** A command line as {@link FakeContainer#commands()} records it for this user. */
    private static String as(String user, String commandLine) {
        return user.equals("root") ? commandLine : user + "$ " + commandLine;
    }

    /** A container whose remote user's login shell answers java -version and $JAVA_HOME/bin/javac -version so. */
    private FakeContainer jdk(String user, String javaVersion, String javacVersion) {
        return containers.expecting().remoteUser(user).on(as(user, JAVA), ok(javaVersion)).on(as(user, JAVAC), ok(javacVersion));
    }

    @Test
    void javaPassesWhenJavaAndJavacAreTheChosenJdkForTheRemoteUser() {
        FakeContainer container = jdk("dev", JAVA_21, "javac 21.0.13");

        Observation seen = new JavaCheck(21, List.of(), TIMEOUT).run(container, new Timings());

        assertThat(seen).isEqualTo(Observation.pass("java 21, javac 21 for dev"));
    }

    @Test
    void javaFailsOnAnotherJdkOrNone() {
        FakeContainer older = jdk("root", "openjdk version \"17.0.2\"", "javac 21.0.1");
        assertThat(new JavaCheck(21, List.of(), TIMEOUT).run(older, new Timings()).detail())
                .isEqualTo("java is 17 and $JAVA_HOME/bin/javac is 21, expected 21");

        FakeContainer none = containers.expecting().on(JAVA, exit(127, "sh: 1: java: not found"))
                .on(JAVAC, exit(127, "sh: 1: /bin/javac: not found"));
        Observation seen = new JavaCheck(21, List.of(), TIMEOUT).run(none, new Timings());
        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("exited with 127").contains("java: not found");

        FakeContainer jreOnly = containers.expecting().on(JAVA, ok(JAVA_21)).on(JAVAC, exit(127, "sh: 1: /usr/lib/jvm/jre/bin/javac: not found"));
        assertThat(new JavaCheck(21, List.of(), TIMEOUT).run(jreOnly, new Timings())).isEqualTo(Observation.fail(
                "`$JAVA_HOME/bin/javac -version` as root exited with 127: sh: 1: /usr/lib/jvm/jre/bin/javac: not found"));
    }

    @Test
    void javaReadsJava8sVersionScheme() {
        assertThat(JavaCheck.major(ok("openjdk version \"1.8.0_432\""))).isEqualTo(OptionalInt.of(8));
    }

    @Test
    void mavenReadsItsVersionWithoutTheBannersColours() {
        FakeContainer coloured = containers.expecting()
                .on(MVN, ok(MVN_V.replace("Apache Maven 3.9.9", "\u001b[1mApache Maven 3.9.9\u001b[m")));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(coloured, new Timings()))
                .isEqualTo(Observation.pass("Apache Maven 3.9.9 on Java 21 for root"));
    }

    @Test
    void mavenPassesOnTheChosenJavaAndFailsOnAnother() {
        FakeContainer on21 = containers.expecting().on(MVN, ok(MVN_V));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(on21, new Timings()))
                .isEqualTo(Observation.pass("Apache Maven 3.9.9 on Java 21 for root"));

        FakeContainer on17 = containers.expecting().on(MVN, ok(MVN_V.replace("21.0.13", "17.0.9")));
        assertThat(new MavenCheck(OptionalInt.of(21), TIMEOUT).run(on17, new Timings()).passed()).isFalse();

        FakeContainer missing = containers.expecting().on(MVN, exit(127, "sh: 1: mvn: not found"));
        assertThat(new MavenCheck(OptionalInt.empty(), TIMEOUT).run(missing, new Timings()).detail())
                .contains("mvn: not found");
    }

    @Test
    void mavenRunsForTheRemoteUser() {
        FakeContainer container = containers.expecting().remoteUser("dev").on(as("dev", MVN), ok(MVN_V));

        assertThat(new MavenCheck(OptionalInt.empty(), TIMEOUT).run(container, new Timings()))
                .isEqualTo(Observation.pass("Apache Maven 3.9.9 for dev"));
    }

    @Test
    void projectBuildRunsInTheWorkspaceAsTheUserAndShowsTheTailOfAFailure() {
        FakeContainer container = containers.expecting().remoteUser("dev")
                .on("dev$ /bin/sh -lc cd '/workspaces/it'\\''s' && mvn -B -q package",
                        exit(1, "[ERROR] line\n".repeat(40) + "[ERROR] BUILD FAILURE"));

        Observation seen = new ProjectBuildCheck("/workspaces/it's", "mvn -B -q package", TIMEOUT)
                .run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("exit code 1 as dev after ").endsWith("[ERROR] BUILD FAILURE");
        assertThat(seen.detail().lines().count()).isEqualTo(31);
        assertThat(new ProjectBuildCheck("/workspaces/x", "true", TIMEOUT)
                .run(containers.expecting().on("/bin/sh -lc cd '/workspaces/x' && true", ok("")), new Timings()).passed()).isTrue();
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

    private static final String JDK_21_HOME = "/usr/lib/jvm/java-21-openjdk";
    private static final String JDK_25_HOME = "/usr/lib/jvm/java-25-openjdk";

    /**
     * JDK 21 as the default, this toolchains.xml, and what javac -version says in each home the check
     * asks about: those toolchains.xml lists for JDK 21 and 25, in that order.
     */
    private FakeContainer withToolchains(String user, String toolchainsXml, Map<String, String> javacByHome) {
        StringBuilder out = new StringBuilder();
        for (String home : List.of(JDK_21_HOME, JDK_25_HOME)) {
            out.append("== jdkHome ").append(home).append('\n')
                    .append(javacByHome.getOrDefault(home, "/bin/sh: javac: not found")).append('\n');
        }
        return jdk(user, JAVA_21, "javac 21.0.13")
                .on(as(user, CAT_TOOLCHAINS), ok(toolchainsXml))
                .on(as(user, JAVAC_OF_HOMES + " " + JDK_21_HOME + " " + JDK_25_HOME), ok(out.toString()));
    }

    @Test
    void javaProvesEveryToolchainJdkThatToolchainsXmlLists() {
        FakeContainer container = withToolchains("dev", TOOLCHAINS_XML, Map.of(
                JDK_21_HOME, "javac 21.0.13", JDK_25_HOME, "javac 25.0.5"));

        Observation seen = new JavaCheck(21, List.of(21, 25), TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).endsWith("toolchains.xml: JDK 21 at /usr/lib/jvm/java-21-openjdk,"
                + " JDK 25 at /usr/lib/jvm/java-25-openjdk");
    }

    @Test
    void javaFailsWhenToolchainsXmlLacksAJdkOrAHomeHoldsAnotherOne() {
        FakeContainer onlyOne = withToolchains("root",
                TOOLCHAINS_XML.replaceAll("(?s)<toolchain>\\s*<type>jdk</type>\\s*<provides>\\s*<version>25.*?</toolchain>", ""),
                Map.of(JDK_21_HOME, "javac 21.0.13"));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(onlyOne, new Timings()).detail())
                .isEqualTo("~/.m2/toolchains.xml of root lists no JDK [25] (it lists [21])");

        FakeContainer wrongHome = withToolchains("root", TOOLCHAINS_XML, Map.of(
                JDK_21_HOME, "javac 21.0.13", JDK_25_HOME, "javac 21.0.13"));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(wrongHome, new Timings()).detail())
                .startsWith("toolchains.xml's JDK 25 at /usr/lib/jvm/java-25-openjdk: its javac reports 21");

        FakeContainer absent = withToolchains("root", TOOLCHAINS_XML, Map.of())
                .on(CAT_TOOLCHAINS, exit(1, "cat: No such file"));
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(absent, new Timings()).detail())
                .startsWith("~/.m2/toolchains.xml of root cannot be read: cat: No such file");

        FakeContainer broken = withToolchains("root", "<toolchains>", Map.of());
        assertThat(new JavaCheck(21, List.of(21, 25), TIMEOUT).run(broken, new Timings()).detail())
                .startsWith("~/.m2/toolchains.xml of root is not a toolchains.xml: ");
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
