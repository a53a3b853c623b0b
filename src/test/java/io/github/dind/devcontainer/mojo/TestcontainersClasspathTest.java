package io.github.dind.devcontainer.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** When the testcontainers check runs, and on which Testcontainers version. */
class TestcontainersClasspathTest {
    private static MavenProject project(String... coordinates) {
        MavenProject project = new MavenProject();
        for (String gav : coordinates) {
            String[] parts = gav.split(":");
            Dependency dependency = new Dependency();
            dependency.setGroupId(parts[0]);
            dependency.setArtifactId(parts[1]);
            dependency.setVersion(parts[2]);
            dependency.setScope("test");
            project.getModel().addDependency(dependency);
        }
        return project;
    }

    @Test
    void theVersionIsTheCoresOrElseAnyTestcontainersModules() {
        assertThat(TestcontainersClasspath.version(List.of(project("org.junit.jupiter:junit-jupiter:5.11.4"))))
                .isEmpty();
        assertThat(TestcontainersClasspath.version(List.of(project("org.testcontainers:postgresql:1.20.6"),
                project("org.testcontainers:testcontainers:1.21.4")))).contains("1.21.4");
        // a module of a reactor that depends on junit-jupiter alone (the core comes transitively)
        assertThat(TestcontainersClasspath.version(List.of(project(), project("org.testcontainers:junit-jupiter:1.21.4"))))
                .contains("1.21.4");
        assertThat(TestcontainersClasspath.version(List.of(project("org.testcontainers:testcontainers-bom:2.0.2"))))
                .isEmpty();
    }

    @Test
    void itRunsWhenAProjectDependsOnTestcontainersUnlessToldOtherwise() {
        assertThat(TestcontainersClasspath.wanted(null, Optional.of("1.21.4"))).isTrue();
        assertThat(TestcontainersClasspath.wanted(null, Optional.empty())).isFalse();
        assertThat(TestcontainersClasspath.wanted(false, Optional.of("1.21.4"))).isFalse();
        assertThat(TestcontainersClasspath.wanted(true, Optional.empty())).isTrue();
    }
}
