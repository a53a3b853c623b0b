package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.devcontainer.JavaVersion;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Java version a project compiles for, from its effective pom: the highest release it names
 * (properties, the compiler plugin's configuration and executions, tests included), else its
 * target, else the Java this Maven runs on. For a reactor, the highest version any of its projects
 * names.
 */
final class ProjectJavaVersion {
    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    private ProjectJavaVersion() {
    }

    static JavaToolchain.ProjectJava of(MavenProject project) {
        return named(project).orElseGet(ProjectJavaVersion::running);
    }

    /**
     * The highest Java version the projects name, the project it comes from named when there are
     * several (a JDK compiles {@code --release N} for every older N, so the highest serves them all);
     * the Java this Maven runs on when none names one.
     */
    static JavaToolchain.ProjectJava highest(List<MavenProject> projects) {
        if (projects.size() == 1) {
            return of(projects.get(0));
        }
        return projects.stream()
                .flatMap(p -> named(p).map(java -> new JavaToolchain.ProjectJava(java.version(),
                        java.source() + " of " + p.getArtifactId() + ", the highest of the reactor's "
                                + projects.size() + " projects")).stream())
                .max(Comparator.comparingInt(JavaToolchain.ProjectJava::version))
                .orElseGet(ProjectJavaVersion::running);
    }

    /**
     * The version the project's pom names, if it names one: the highest of its releases — the
     * {@code maven.compiler.release} and {@code maven.compiler.testRelease} properties, the compiler
     * plugin's {@code <release>} and {@code <testRelease>}, in its configuration and its executions'
     * (a multi-release jar compiles one execution for a newer release) — else its target.
     */
    private static Optional<JavaToolchain.ProjectJava> named(MavenProject project) {
        List<JavaToolchain.ProjectJava> releases = new ArrayList<>();
        property(project, "maven.compiler.release").ifPresent(releases::add);
        property(project, "maven.compiler.testRelease").ifPresent(releases::add);
        Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
        List<Xpp3Dom> configurations = new ArrayList<>();
        if (compiler != null) {
            configurations.add((Xpp3Dom) compiler.getConfiguration());
            compiler.getExecutions().forEach(e -> configurations.add((Xpp3Dom) e.getConfiguration()));
        }
        for (Xpp3Dom configuration : configurations) {
            for (String parameter : new String[] {"release", "testRelease"}) {
                parameter(configuration, parameter).ifPresent(releases::add);
            }
        }
        Optional<JavaToolchain.ProjectJava> highest = releases.stream()
                .max(Comparator.comparingInt(JavaToolchain.ProjectJava::version));
        if (highest.isPresent()) {
            return highest;
        }
        return configurations.stream().flatMap(c -> parameter(c, "target").stream()).findFirst()
                .or(() -> property(project, "maven.compiler.target"));
    }

    private static Optional<JavaToolchain.ProjectJava> property(MavenProject project, String name) {
        OptionalInt version = JavaVersion.parse(project.getProperties().getProperty(name));
        return version.isPresent() ? Optional.of(new JavaToolchain.ProjectJava(version.getAsInt(), "the property " + name))
                : Optional.empty();
    }

    private static Optional<JavaToolchain.ProjectJava> parameter(Xpp3Dom configuration, String name) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
        OptionalInt version = JavaVersion.parse(child == null ? null : child.getValue());
        return version.isPresent()
                ? Optional.of(new JavaToolchain.ProjectJava(version.getAsInt(), "the maven-compiler-plugin's <" + name + ">"))
                : Optional.empty();
    }

    private static JavaToolchain.ProjectJava running() {
        OptionalInt running = JavaVersion.parse(System.getProperty("java.specification.version"));
        return running.isPresent()
                ? new JavaToolchain.ProjectJava(running.getAsInt(), "the Java this Maven runs on (the pom names none)")
                : null;
    }
}
