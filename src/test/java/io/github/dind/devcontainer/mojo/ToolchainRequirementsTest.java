package io.github.dind.devcontainer.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The toolchain requirements of a reactor's effective poms, matched as Maven matches them. */
class ToolchainRequirementsTest {
    private static Xpp3Dom dom(String name, String value, Xpp3Dom... children) {
        Xpp3Dom node = new Xpp3Dom(name);
        node.setValue(value);
        for (Xpp3Dom child : children) {
            node.addChild(child);
        }
        return node;
    }

    private static Plugin plugin(String artifactId, Xpp3Dom configuration) {
        Plugin plugin = new Plugin();
        plugin.setArtifactId(artifactId);
        plugin.setConfiguration(configuration);
        return plugin;
    }

    private static MavenProject project(String artifactId, Plugin... plugins) {
        Model model = new Model();
        model.setArtifactId(artifactId);
        model.setBuild(new Build());
        for (Plugin plugin : plugins) {
            model.getBuild().addPlugin(plugin);
        }
        return new MavenProject(model);
    }

    @Test
    void readsTheToolchainsPluginAndEveryJdkToolchainOnceEach() {
        Plugin toolchains = plugin("maven-toolchains-plugin", null);
        PluginExecution execution = new PluginExecution();
        execution.setConfiguration(dom("configuration", null, dom("toolchains", null,
                dom("jdk", null, dom("version", "[17,18)"), dom("vendor", "openjdk")))));
        toolchains.addExecution(execution);
        Plugin compiler = plugin("maven-compiler-plugin", dom("configuration", null,
                dom("jdkToolchain", null, dom("version", "21"))));
        Plugin surefire = plugin("maven-surefire-plugin", dom("configuration", null,
                dom("jdkToolchain", null, dom("version", "21"))));

        List<JavaToolchain.Requirement> found = ToolchainRequirements.of(List.of(
                project("core", toolchains), project("app", compiler, surefire)));

        assertThat(found).extracting(JavaToolchain.Requirement::version, JavaToolchain.Requirement::vendor,
                JavaToolchain.Requirement::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("[17,18)", "openjdk",
                        "maven-toolchains-plugin's <toolchains><jdk><version> in core"),
                org.assertj.core.groups.Tuple.tuple("21", null, "maven-compiler-plugin's <jdkToolchain><version> in app"));
    }

    @Test
    void matchingIsMavensOwnRangeContainsPlainVersionEqualsGarbageMatchesNothing() {
        assertThat(ToolchainRequirements.matcher("[17,18)").test(17)).isTrue();
        assertThat(ToolchainRequirements.matcher("[17,18)").test(21)).isFalse();
        assertThat(ToolchainRequirements.matcher("[17,)").test(25)).isTrue();
        assertThat(ToolchainRequirements.matcher("21").test(21)).isTrue();
        assertThat(ToolchainRequirements.matcher("21").test(25)).as("a plain version is not a minimum").isFalse();
        assertThat(ToolchainRequirements.matcher("[17,").test(17)).isFalse();
    }

    @Test
    void aVendorAloneAndSelectJdkToolchainsOwnVersionAreRequirementsToo() {
        Plugin surefire = plugin("maven-surefire-plugin", dom("configuration", null,
                dom("jdkToolchain", null, dom("vendor", "temurin"))));
        Plugin select = plugin("maven-toolchains-plugin", dom("configuration", null, dom("version", "[25,)")));

        List<JavaToolchain.Requirement> found = ToolchainRequirements.of(List.of(project("app", surefire, select)));

        assertThat(found).extracting(JavaToolchain.Requirement::source).containsExactly(
                "maven-surefire-plugin's <jdkToolchain><vendor> in app", "maven-toolchains-plugin's <version> in app");
        assertThat(found.get(0).accepts().test(11)).as("a vendor alone accepts any version").isTrue();
        assertThat(found.get(1).accepts().test(21)).isFalse();
    }
}
