package io.github.dind.devcontainer.generate.request;

import io.github.dind.devcontainer.devcontainer.JavaVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JavaToolchainTest {
    private static JavaToolchain.ProjectJava release(int version) {
        return new JavaToolchain.ProjectJava(version, "the property maven.compiler.release");
    }

    @Test
    void theProjectsReleaseIsInstalledWhereTheDistroShipsIt() {
        JavaToolchain.Choice choice = JavaToolchain.choose(Distro.DEBIAN, null, release(21));

        assertThat(choice.jdk()).map(JdkCatalog.Jdk::packageName).contains("openjdk-21-jdk-headless");
        assertThat(choice.reason()).isEqualTo("JDK 21 (openjdk-21-jdk-headless) for Java 21 from the property"
                + " maven.compiler.release");
    }

    @Test
    void aReleaseTheDistroDoesNotShipGetsTheNearestNewerJdkAndSaysWhy() {
        JavaToolchain.Choice choice = JavaToolchain.choose(Distro.DEBIAN, "", release(17));

        assertThat(choice.jdk()).map(JdkCatalog.Jdk::version).contains(21);
        assertThat(choice.reason()).contains("debian ships no JDK 17 (it ships 21, 25)")
                .contains("nearest newer one, whose javac compiles --release 17");
    }

    @Test
    void theTargetOfAnOldProjectCountsLikeARelease() {
        JavaToolchain.Choice choice = JavaToolchain.choose(Distro.UBUNTU, null,
                new JavaToolchain.ProjectJava(JavaVersion.parse("1.8").getAsInt(), "<target>"));

        assertThat(choice.jdk()).map(JdkCatalog.Jdk::packageName).contains("openjdk-11-jdk-headless");
    }

    @Test
    void javaVersionWinsOverTheProject() {
        JavaToolchain.Choice choice = JavaToolchain.choose(Distro.WOLFI, " 25 ", release(17));

        assertThat(choice.jdk()).map(JdkCatalog.Jdk::packageName).contains("openjdk-25-default-jdk");
        assertThat(choice.reason()).contains("as javaVersion says");
    }

    @Test
    void javaVersionTheDistroDoesNotShipNamesTheVersionsItShips() {
        assertThatThrownBy(() -> JavaToolchain.choose(Distro.DEBIAN, "17", release(21)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Java version debian ships (21, 25) or none");
        assertThatThrownBy(() -> JavaToolchain.choose(Distro.ALPINE, "latest", null))
                .hasMessage("a Java version alpine ships (11, 17, 21, 25) or none");
    }

    @Test
    void noneInstallsNoJdkWhateverTheProjectSays() {
        JavaToolchain.Choice choice = JavaToolchain.choose(Distro.DEBIAN, "None", release(21));

        assertThat(choice.jdk()).isEmpty();
        assertThat(choice.reason()).contains("javaVersion=none");
    }

    @Test
    void aProjectNewerThanEveryShippedJdkIsAnError() {
        assertThatThrownBy(() -> JavaToolchain.choose(Distro.DEBIAN, null, release(26)))
                .hasMessageContaining("debian ships no JDK that compiles for Java 26")
                .hasMessageContaining("one of 21, 25 or none");
    }

    @Test
    void withNothingKnownThereIsNoJdk() {
        assertThat(JavaToolchain.choose(Distro.DEBIAN, null, null).jdk()).isEmpty();
    }

    @Test
    void versionsAreReadAsMavenProjectsWriteThem() {
        assertThat(JavaVersion.parse("17")).isEqualTo(OptionalInt.of(17));
        assertThat(JavaVersion.parse("1.8")).isEqualTo(OptionalInt.of(8));
        assertThat(JavaVersion.parse(" 21.0.2 ")).isEqualTo(OptionalInt.of(21));
        assertThat(JavaVersion.parse("${java.version}")).isEmpty();
        assertThat(JavaVersion.parse("")).isEmpty();
        assertThat(JavaVersion.parse(null)).isEmpty();
    }

    // the tables, each against its source (see the comments next to them)

    @Test
    void debianTrixieShips21And25NotAnOlderOne() {
        assertThat(JdkCatalog.shipped(Distro.DEBIAN)).extracting(JdkCatalog.Jdk::packageName)
                .containsExactly("openjdk-21-jdk-headless", "openjdk-25-jdk-headless");
    }

    @Test
    void ubuntuNobleShipsTheHeadlessJdks() {
        assertThat(JdkCatalog.shipped(Distro.UBUNTU)).extracting(JdkCatalog.Jdk::packageName)
                .containsExactly("openjdk-11-jdk-headless", "openjdk-17-jdk-headless", "openjdk-21-jdk-headless",
                        "openjdk-25-jdk-headless");
    }

    @Test
    void wolfiInstallsTheDefaultJdkSubpackageAndMaven39() {
        assertThat(JdkCatalog.shipped(Distro.WOLFI)).extracting(JdkCatalog.Jdk::packageName)
                .containsExactly("openjdk-11-default-jdk", "openjdk-17-default-jdk", "openjdk-21-default-jdk",
                        "openjdk-25-default-jdk", "openjdk-26-default-jdk");
        assertThat(JdkCatalog.mavenPackage(Distro.WOLFI)).isEqualTo("maven-3.9");
    }

    @Test
    void alpineInstallsTheJdkSubpackage() {
        assertThat(JdkCatalog.shipped(Distro.ALPINE)).extracting(JdkCatalog.Jdk::packageName)
                .containsExactly("openjdk11-jdk", "openjdk17-jdk", "openjdk21-jdk", "openjdk25-jdk");
        assertThat(List.of(Distro.ALPINE, Distro.DEBIAN, Distro.UBUNTU)).allSatisfy(
                d -> assertThat(JdkCatalog.mavenPackage(d)).isEqualTo("maven"));
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void everyTableIsOrderedHasOneHomeSchemeAndValidPackageNames(Distro distro) {
        List<JdkCatalog.Jdk> jdks = JdkCatalog.shipped(distro);

        assertThat(jdks).extracting(JdkCatalog.Jdk::version).isSorted().doesNotHaveDuplicates();
        assertThat(jdks).allSatisfy(jdk -> {
            assertThat(jdk.javaHome()).isEqualTo("/usr/lib/jvm/java-" + jdk.version() + "-openjdk");
            assertThat(jdk.packageName()).contains(Integer.toString(jdk.version()));
            assertThat(distro.packageManager().isValidPackage(jdk.packageName())).isTrue();
        });
        assertThat(distro.packageManager().isValidPackage(JdkCatalog.mavenPackage(distro))).isTrue();
    }

    private static JavaToolchain.Requirement requirement(String version, String vendor, java.util.function.IntPredicate accepts) {
        return new JavaToolchain.Requirement(version, vendor,
                "maven-toolchains-plugin's <toolchains><jdk><version> in app", accepts);
    }

    private static List<Integer> listed(Distro distro, int defaultVersion, List<String> explicit,
            List<JavaToolchain.Requirement> requirements, List<InvalidRequestException.Violation> problems) {
        return JavaToolchain.toolchains(distro, JdkCatalog.shipped(distro).stream()
                        .filter(j -> j.version() == defaultVersion).findFirst(), explicit, requirements, problems)
                .stream().map(JdkCatalog.Jdk::version).toList();
    }

    @Test
    void toolchainsListTheDefaultFirstThenWhatTheParameterAndTheRequirementsAddOnce() {
        List<InvalidRequestException.Violation> problems = new java.util.ArrayList<>();

        assertThat(listed(Distro.DEBIAN, 21, List.of(), List.of(), problems)).containsExactly(21);
        assertThat(listed(Distro.DEBIAN, 21, List.of("25", "21"), List.of(requirement("25", null, v -> v == 25)), problems))
                .containsExactly(21, 25);
        assertThat(listed(Distro.DEBIAN, 25, List.of(), List.of(requirement("[17,)", null, v -> v >= 17)), problems))
                .as("the default JDK meets the range: nothing more to install").containsExactly(25);
        assertThat(listed(Distro.WOLFI, 17, List.of(), List.of(requirement("[22,)", "OpenJDK", v -> v >= 22)), problems))
                .as("the newest JDK in the range").containsExactly(17, 26);
        assertThat(problems).isEmpty();
        assertThat(JavaToolchain.toolchains(Distro.DEBIAN, java.util.Optional.empty(), List.of("25"), List.of(), problems))
                .as("javaVersion=none installs no JDK, so no toolchains").isEmpty();
    }

    @Test
    void aToolchainTheDistroCannotMeetNamesWhereItComesFromAndWhatTheDistroShips() {
        List<InvalidRequestException.Violation> problems = new java.util.ArrayList<>();

        listed(Distro.DEBIAN, 21, List.of("17"), List.of(requirement("[11,18)", null, v -> v >= 11 && v < 18),
                requirement("21", "temurin", v -> v == 21)), problems);

        assertThat(problems).extracting(InvalidRequestException.Violation::toString).containsExactly(
                "\u2039toolchains\u203a \"17\" must be a Java version debian ships (21, 25)",
                "maven-toolchains-plugin's <toolchains><jdk><version> in app \"[11,18)\" must be met by a JDK debian ships"
                        + " (21, 25); change the requirement, or choose a distro that ships it (\u2039distro\u203a: wolfi ships"
                        + " 11, 17, 21, 25, 26; alpine ships 11, 17, 21, 25; ubuntu ships 11, 17, 21, 25)",
                "maven-toolchains-plugin's <toolchains><jdk><vendor> in app \"temurin\" must be empty or openjdk:"
                        + " the JDKs of debian are OpenJDK builds, listed in toolchains.xml with <vendor>openjdk</vendor>");
    }

    @Test
    void onWolfiASecondJdkIsInstalledWithoutTheDefaultJdkLinksOfTheFirst() throws InvalidRequestException {
        GenerateRequest spec = GenerateRequest.builder().name("x").distro("wolfi").projectJava(release(21))
                .toolchains(List.of("17")).build();

        assertThat(spec.packages()).contains("openjdk-21-default-jdk", "openjdk-17").doesNotContain("openjdk-17-default-jdk");
        assertThat(spec.java().toolchains()).extracting(JdkCatalog.Jdk::version).containsExactly(21, 17);
    }
}
