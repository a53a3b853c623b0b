package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.workspace.BuildClaims;
import io.github.dind.devcontainer.workspace.OwnerRule;
import io.github.dind.devcontainer.workspace.PomModules;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.SessionData;

/**
 * The Maven side of {@link OwnerRule}: the build's projects and their modules, the owner's
 * {@link MavenProject}, and the build-wide {@link BuildClaims}.
 *
 * @param ownerFolder the folder that owns the devcontainer
 * @param owner the owner's project: loaded by this build, the asking project's local parent, or
 *     built from its pom for the purpose (a build started in a module folder)
 * @param ownerInBuild whether the build runs the owner (false under {@code -pl}, {@code -rf},
 *     {@code -f module/pom.xml} or in a module folder, unless the owner is selected too)
 * @param all every project of the build's reactor, those {@code -pl} leaves out included
 * @param modules each of those projects' folders with its modules' folders
 */
record Reactor(Path ownerFolder, MavenProject owner, boolean ownerInBuild, List<MavenProject> all,
        Map<Path, List<Path>> modules) {
    private static final String CLAIMS_KEY = BuildClaims.class.getName();
    private static final OwnerRule.PomModules POMS = new PomModules();

    /**
     * Applies the owner rule to {@code project}.
     *
     * @throws ProjectBuildingException when the owner's pom must be read and Maven cannot build it
     */
    static Reactor of(MavenSession session, MavenProject project, ProjectBuilder builder)
            throws ProjectBuildingException {
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        Map<Path, List<Path>> modules = modules(all);
        // the local parents Maven loaded for this project know aggregators the build does not run
        // (a flat layout's build/pom.xml listing ../core, for a build started in core/)
        Path repository = localRepository(session);
        for (MavenProject parent = project.getParent(); parent != null && parent.getBasedir() != null;
                parent = parent.getParent()) {
            if (repository == null || !folder(parent).startsWith(repository)) {
                modules.putIfAbsent(folder(parent), moduleFolders(parent));
            }
        }
        Path owner = OwnerRule.ownerFolder(folder(project), modules, POMS);
        boolean inBuild = session.getProjects().stream().anyMatch(p -> folder(p).equals(owner));
        return new Reactor(owner, ownerProject(owner, project, all, session, builder), inBuild, all, modules);
    }

    /**
     * The reactor's projects that the owner aggregates, itself included: what the devcontainer must
     * serve (their Java releases, their toolchains). Computed on demand: only generate needs it.
     */
    List<MavenProject> served() {
        Map<Path, List<String>> read = new HashMap<>();
        OwnerRule.PomModules cached = pom -> {
            List<String> entries = read.get(pom);
            if (entries == null) {
                entries = POMS.of(pom);
                read.put(pom, entries);
            }
            return entries;
        };
        List<MavenProject> served = new ArrayList<>();
        for (MavenProject candidate : all) {
            if (OwnerRule.ownerFolder(folder(candidate), modules, cached).equals(ownerFolder)) {
                served.add(candidate);
            }
        }
        return served;
    }

    /**
     * Whether this build loaded the whole reactor: the owner, and every module any of its projects
     * lists. {@code -N}, {@code -pl}, {@code -rf}, {@code -f module/pom.xml} and a build started in a
     * module folder load less; generate then cannot know every module's Java and toolchains.
     */
    boolean complete() {
        if (!ownerInBuild) {
            return false;
        }
        java.util.Set<Path> loaded = new java.util.HashSet<>();
        all.forEach(p -> loaded.add(folder(p)));
        return served().stream().allMatch(p -> modules.getOrDefault(folder(p), List.of()).stream().allMatch(loaded::contains));
    }

    /**
     * The project that does the devcontainer's work in this build, for a project that asks: the
     * owner itself when the build runs it and it declares the plugin (whoever asks first, also under
     * {@code -T}); otherwise the first project to ask, as {@link BuildClaims} records it (null here).
     *
     * @param declares whether a project declares the plugin in its build (the owner may run a goal
     *     typed on the command line with no configuration of its own)
     */
    MavenProject designated(MavenSession session, java.util.function.Predicate<MavenProject> declares) {
        boolean ownerRuns = session.getProjects().stream().anyMatch(p -> folder(p).equals(ownerFolder));
        return ownerRuns && declares.test(owner) ? owner : null;
    }

    /** The claims of this build, shared by every project and thread through the resolver session's data. */
    static BuildClaims claims(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        Object claims = data.get(CLAIMS_KEY);
        if (!(claims instanceof BuildClaims)) {
            data.set(CLAIMS_KEY, claims, new BuildClaims()); // atomic: only one of racing threads wins
            claims = data.get(CLAIMS_KEY);
        }
        return (BuildClaims) claims;
    }

    static Path folder(MavenProject project) {
        return OwnerRule.canonical(project.getBasedir().toPath());
    }

    private static Map<Path, List<Path>> modules(List<MavenProject> projects) {
        Map<Path, List<Path>> modules = new LinkedHashMap<>();
        for (MavenProject p : projects) {
            modules.put(folder(p), moduleFolders(p));
        }
        return modules;
    }

    private static List<Path> moduleFolders(MavenProject project) {
        Path folder = folder(project);
        return project.getModules().stream().map(m -> OwnerRule.moduleFolder(folder, m)).toList();
    }

    private static Path localRepository(MavenSession session) {
        return session.getRepositorySession() == null || session.getRepositorySession().getLocalRepository() == null
                ? null : OwnerRule.canonical(session.getRepositorySession().getLocalRepository().getBasedir().toPath());
    }

    private static MavenProject ownerProject(Path owner, MavenProject project, List<MavenProject> all,
            MavenSession session, ProjectBuilder builder) throws ProjectBuildingException {
        Optional<MavenProject> loaded = all.stream().filter(p -> folder(p).equals(owner)).findFirst();
        if (loaded.isPresent()) {
            return loaded.get();
        }
        for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getBasedir() != null && folder(parent).equals(owner)) {
                return parent;
            }
        }
        ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
        request.setProject(null);
        request.setResolveDependencies(false);
        request.setProcessPlugins(false);
        return builder.build(new File(owner.toFile(), "pom.xml"), request).getProject();
    }
}
