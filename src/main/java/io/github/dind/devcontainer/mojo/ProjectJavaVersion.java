package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.devcontainer.JavaVersion;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Java version a project compiles for, from its effective pom: the {@code maven.compiler.release}
 * property, else the compiler plugin's {@code release} or {@code target} configuration, else the
 * {@code maven.compiler.target} property (the plugin's default for {@code target}), else the Java
 * this Maven runs on. For a reactor, the highest version any of its projects names.
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

    /** The version the project's pom names, if it names one. */
    private static Optional<JavaToolchain.ProjectJava> named(MavenProject project) {
        OptionalInt release = JavaVersion.parse(project.getProperties().getProperty("maven.compiler.release"));
        if (release.isPresent()) {
            return Optional.of(new JavaToolchain.ProjectJava(release.getAsInt(), "the property maven.compiler.release"));
        }
        Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
        if (compiler != null && compiler.getConfiguration() instanceof Xpp3Dom configuration) {
            for (String parameter : new String[] {"release", "target"}) {
                Xpp3Dom child = configuration.getChild(parameter);
                OptionalInt version = JavaVersion.parse(child == null ? null : child.getValue());
                if (version.isPresent()) {
                    return Optional.of(new JavaToolchain.ProjectJava(version.getAsInt(),
                            "the maven-compiler-plugin's <" + parameter + ">"));
                }
            }
        }
        OptionalInt target = JavaVersion.parse(project.getProperties().getProperty("maven.compiler.target"));
        if (target.isPresent()) {
            return Optional.of(new JavaToolchain.ProjectJava(target.getAsInt(), "the property maven.compiler.target"));
        }
        return Optional.empty();
    }

    private static JavaToolchain.ProjectJava running() {
        OptionalInt running = JavaVersion.parse(System.getProperty("java.specification.version"));
        return running.isPresent()
                ? new JavaToolchain.ProjectJava(running.getAsInt(), "the Java this Maven runs on (the pom names none)")
                : null;
    }
}
