package io.github.dind.devcontainer.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ProjectJavaVersionTest {
    private static MavenProject project(String releaseProperty, String pluginParameter, String pluginValue,
            String targetProperty) {
        Model model = new Model();
        model.setBuild(new Build());
        if (releaseProperty != null) {
            model.getProperties().setProperty("maven.compiler.release", releaseProperty);
        }
        if (targetProperty != null) {
            model.getProperties().setProperty("maven.compiler.target", targetProperty);
        }
        if (pluginParameter != null) {
            Plugin compiler = new Plugin();
            compiler.setArtifactId("maven-compiler-plugin");
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom child = new Xpp3Dom(pluginParameter);
            child.setValue(pluginValue);
            configuration.addChild(child);
            compiler.setConfiguration(configuration);
            model.getBuild().addPlugin(compiler);
        }
        return new MavenProject(model);
    }

    @Test
    void theReleasePropertyComesFirst() {
        assertThat(ProjectJavaVersion.of(project("21", "release", "17", "11")))
                .isEqualTo(new JavaToolchain.ProjectJava(21, "the property maven.compiler.release"));
    }

    @Test
    void thenTheCompilerPluginsReleaseOrTarget() {
        assertThat(ProjectJavaVersion.of(project(null, "release", "17", "11")))
                .isEqualTo(new JavaToolchain.ProjectJava(17, "the maven-compiler-plugin's <release>"));
        assertThat(ProjectJavaVersion.of(project(null, "target", "1.8", null)))
                .isEqualTo(new JavaToolchain.ProjectJava(8, "the maven-compiler-plugin's <target>"));
    }

    @Test
    void thenTheTargetPropertyThenTheRunningJava() {
        assertThat(ProjectJavaVersion.of(project(null, null, null, "11")))
                .isEqualTo(new JavaToolchain.ProjectJava(11, "the property maven.compiler.target"));
        assertThat(ProjectJavaVersion.of(project("${unresolved}", null, null, null)))
                .isEqualTo(new JavaToolchain.ProjectJava(Runtime.version().feature(),
                        "the Java this Maven runs on (the pom names none)"));
    }

    private static MavenProject named(String artifactId, MavenProject project) {
        project.setArtifactId(artifactId);
        return project;
    }

    @Test
    void aReactorGetsTheHighestReleaseAnyModuleNamesAndSaysWhichModule() {
        JavaToolchain.ProjectJava highest = ProjectJavaVersion.highest(List.of(
                named("parent", project(null, null, null, null)), // a parent without a release does not count
                named("core", project("11", null, null, null)),
                named("app", project(null, "release", "17", null))));

        assertThat(highest).isEqualTo(new JavaToolchain.ProjectJava(17,
                "the maven-compiler-plugin's <release> of app, the highest of the reactor's 3 projects"));
        assertThat(ProjectJavaVersion.highest(List.of(named("only", project("21", null, null, null)))))
                .as("one project reads as before").isEqualTo(ProjectJavaVersion.of(project("21", null, null, null)));
    }

    @Test
    void testReleasesAndAMultiReleaseExecutionCountToo() {
        MavenProject tests = project("17", null, null, null);
        tests.getProperties().setProperty("maven.compiler.testRelease", "25");
        assertThat(ProjectJavaVersion.of(tests)).isEqualTo(new JavaToolchain.ProjectJava(25,
                "the property maven.compiler.testRelease"));

        MavenProject multiRelease = project("17", "release", "17", null);
        Plugin compiler = multiRelease.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
        org.apache.maven.model.PluginExecution java25 = new org.apache.maven.model.PluginExecution();
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom release = new Xpp3Dom("release");
        release.setValue("25");
        configuration.addChild(release);
        java25.setConfiguration(configuration);
        compiler.addExecution(java25);
        assertThat(ProjectJavaVersion.of(multiRelease).version()).isEqualTo(25);
    }
}
