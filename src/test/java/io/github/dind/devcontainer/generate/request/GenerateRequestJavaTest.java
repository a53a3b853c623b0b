package io.github.dind.devcontainer.generate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateRequestJavaTest {
    private static final JavaToolchain.ProjectJava RELEASE_21 =
            new JavaToolchain.ProjectJava(21, "the property maven.compiler.release");

    @Test
    void aJavaProjectGetsItsJdkAndTheDistrosMavenAndTheDefaultExtensions() {
        GenerateRequest spec = Requests.build(Requests.sample("debian").projectJava(RELEASE_21));

        assertThat(spec.packages()).endsWith("openjdk-21-jdk-headless", "maven");
        assertThat(spec.java().maven()).isTrue();
        assertThat(spec.java().localRepositoryVolume()).isTrue();
        assertThat(spec.java().mavenSettings()).isFalse();
        assertThat(spec.editor().extensions()).containsExactly("vscjava.vscode-java-pack", "ms-azuretools.vscode-containers");
    }

    @Test
    void mavenNoneLeavesMavenOutAndNoJdkMeansNoMaven() {
        assertThat(Requests.build(Requests.sample("wolfi").projectJava(RELEASE_21).maven("none")).packages())
                .contains("openjdk-21-default-jdk").doesNotContain("maven-3.9");
        GenerateRequest noJdk = Requests.build(Requests.sample("wolfi").projectJava(RELEASE_21).javaVersion("none"));
        assertThat(noJdk.packages()).isEqualTo(Distro.WOLFI.packages());
        assertThat(noJdk.java().maven()).isFalse();
    }

    @Test
    void badJavaValuesAreReportedTogetherNamingTheirParameters() {
        assertThatThrownBy(() -> Requests.sample("debian").projectJava(RELEASE_21).javaVersion("17").maven("sdkman")
                .extensions(List.of("not an id")).jetbrainsPlugins(List.of("org.intellij.plugins.hcl", "a\"b"))
                .forwardPorts(List.of("8080", "70000", "DB:1"))
                .caCertificates(List.of(Path.of("/no/such/ca.crt"))).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("javaVersion \"17\" must be a Java version debian ships (21, 25) or none")
                .hasMessageContaining("maven \"sdkman\" must be distro (the distribution's Maven) or none")
                .hasMessageContaining("extensions \"not an id\" must be a VS Code extension id")
                .hasMessageContaining("jetbrainsPlugins \"a\\\"b\" must be a JetBrains Marketplace plugin id")
                .hasMessageContaining("forwardPorts \"70000\" must be a port from 1 to 65535")
                .hasMessageContaining("forwardPorts \"DB:1\"")
                .hasMessageContaining("caCertificates \"/no/such/ca.crt\" must be a PEM file that can be read");
    }

    @Test
    void extraExtensionsComeAfterTheDefaultsOnce() {
        GenerateRequest spec = Requests.build(Requests.sample("debian")
                .extensions(List.of("redhat.vscode-xml@1.2.3", "vscjava.vscode-java-pack", "ms-vscode.makefile-tools@prerelease")));

        assertThat(spec.editor().extensions()).containsExactly("vscjava.vscode-java-pack", "ms-azuretools.vscode-containers",
                "redhat.vscode-xml@1.2.3", "ms-vscode.makefile-tools@prerelease");
    }

    @Test
    void jetbrainsPluginsAreKeptInOrderOnceAndStrippedAndNoneByDefault() {
        assertThat(Requests.build(Requests.sample("debian")).editor().jetbrainsPlugins()).isEmpty();
        GenerateRequest spec = Requests.build(Requests.sample("debian").jetbrainsPlugins(List.of(
                " org.intellij.plugins.hcl", "com.github.l34130.mise", "org.intellij.plugins.hcl", "Lombook_Plugin-1.0")));

        assertThat(spec.editor().jetbrainsPlugins()).containsExactly("org.intellij.plugins.hcl", "com.github.l34130.mise",
                "Lombook_Plugin-1.0");
    }

    @Test
    void aJetbrainsPluginIdHoldsOnlyWhatPluginXmlAllows() {
        for (String bad : List.of("", "a b", "a/b", "a\u00e9", "x".repeat(256), "a${localEnv:HOME}")) {
            assertThatThrownBy(() -> Requests.sample("wolfi").jetbrainsPlugins(List.of(bad)).build()).as(bad)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("jetbrainsPlugins");
        }
        assertThat(Requests.build(Requests.sample("wolfi").jetbrainsPlugins(List.of("x".repeat(255)))).editor()
                .jetbrainsPlugins()).hasSize(1);
    }

    @Test
    void caCertificatesOnWolfiBringUpdateCaCertificates() {
        GenerateRequest spec = Requests.build(Requests.sample("wolfi").caCertificates(List.of(CaCertificatesTest.TEST_CA)));

        assertThat(spec.caCertificates()).hasSize(1);
        assertThat(spec.packages()).contains("ca-certificates-bundle", "ca-certificates");
    }

    @Test
    void theRemoteUsersHomeIsWhereUseraddPutsIt() {
        assertThat(Requests.build(Requests.sample("debian")).remoteHome()).isEqualTo("/root");
        assertThat(Requests.build(Requests.sample("alpine").remoteUser("dev")).remoteHome()).isEqualTo("/home/dev");
    }
}
