package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.InvalidSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The verify goal's {@code testcontainers} check needs the project's Testcontainers on the host:
 * which version (a dependency on any {@code org.testcontainers} artifact, any scope, in a project
 * the devcontainer serves; its modules share one version), and the jar of
 * {@code org.testcontainers:testcontainers} with its runtime dependency closure, resolved through
 * Maven's resolver with the project's repositories (offline: from the local repository alone). It
 * resolves itself rather than asking Maven to resolve the projects' dependencies for the goal
 * ({@code requiresDependencyResolution}), so a reactor's verify does not wait for every module's
 * artifacts, and a project without Testcontainers resolves nothing.
 */
final class TestcontainersClasspath {
    static final String GROUP = "org.testcontainers";
    static final String CORE = "testcontainers";
    /** The version used when the check is asked for ({@code testcontainers=true}) and no project depends on Testcontainers. */
    static final String DEFAULT_VERSION = "1.21.4";

    private TestcontainersClasspath() {
    }

    /**
     * The Testcontainers version the projects depend on: the core artifact's where one declares it,
     * else any {@code org.testcontainers} artifact's (declared directly, versions as managed).
     */
    static Optional<String> version(List<MavenProject> projects) {
        String any = null;
        for (MavenProject project : projects) {
            for (Dependency dependency : project.getDependencies()) {
                if (GROUP.equals(dependency.getGroupId()) && dependency.getVersion() != null
                        && !dependency.getVersion().isBlank()) {
                    if (CORE.equals(dependency.getArtifactId())) {
                        return Optional.of(dependency.getVersion());
                    }
                    if (any == null && !dependency.getArtifactId().endsWith("-bom")) {
                        any = dependency.getVersion();
                    }
                }
            }
        }
        return Optional.ofNullable(any);
    }

    /**
     * Whether the check runs: {@code asked} true or false decides; null (not set) runs it when a
     * project depends on Testcontainers.
     */
    static boolean wanted(Boolean asked, Optional<String> version) {
        return asked != null ? asked : version.isPresent();
    }

    /**
     * The jar files, the core's first.
     *
     * @throws InvalidSettingException naming {@code testcontainers} when they cannot be resolved
     */
    static List<Path> resolve(RepositorySystem system, RepositorySystemSession session, MavenProject project, String version)
            throws InvalidSettingException {
        String coordinates = GROUP + ":" + CORE + ":" + version;
        CollectRequest collect = new CollectRequest(new org.eclipse.aether.graph.Dependency(
                new DefaultArtifact(coordinates), "runtime"), project.getRemoteProjectRepositories());
        try {
            List<Path> jars = new ArrayList<>();
            // the runtime class path: compile and runtime scopes (maven-resolver-util's classpathFilter, which
            // Maven does not export to plugins; its API is)
            org.eclipse.aether.graph.DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                    || java.util.Set.of("compile", "runtime").contains(node.getDependency().getScope());
            for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, runtime))
                    .getArtifactResults()) {
                if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
                    jars.add(result.getArtifact().getFile().toPath());
                }
            }
            return jars;
        } catch (DependencyResolutionException | RuntimeException e) {
            throw new InvalidSettingException("testcontainers", "true", "needs " + coordinates + " and its runtime"
                    + " dependencies, which cannot be resolved (" + e.getMessage() + "); build the project's tests once"
                    + " online (they resolve the same), or set it to false");
        }
    }
}
