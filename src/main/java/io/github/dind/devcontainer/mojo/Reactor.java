package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.workspace.BuildClaims;
import io.github.dind.devcontainer.workspace.OwnerRule;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
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

    /**
     * Applies the owner rule to {@code project}.
     *
     * @throws ProjectBuildingException when the owner's pom must be read and Maven cannot build it
     */
    static Reactor of(MavenSession session, MavenProject project, ProjectBuilder builder)
            throws ProjectBuildingException {
        List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        Map<Path, List<Path>> modules = modules(all);
        Path owner = OwnerRule.ownerFolder(folder(project), modules, Reactor::pomModules);
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
                entries = pomModules(pom);
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

    /** Whether the project that asks is the owner itself. */
    boolean isOwner(MavenProject project) {
        return folder(project).equals(ownerFolder);
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
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    private static Map<Path, List<Path>> modules(List<MavenProject> projects) {
        Map<Path, List<Path>> modules = new LinkedHashMap<>();
        for (MavenProject p : projects) {
            Path folder = folder(p);
            modules.put(folder, p.getModules().stream().map(m -> OwnerRule.moduleFolder(folder, m)).toList());
        }
        return modules;
    }

    /** A pom outside the build, read as written (no inheritance needed: modules are not inherited). */
    private static List<String> pomModules(Path pom) throws IOException {
        try (Reader reader = Files.newBufferedReader(pom)) {
            Model model = new MavenXpp3Reader().read(reader, false);
            List<String> modules = new ArrayList<>(model.getModules());
            for (Profile profile : model.getProfiles()) {
                modules.addAll(profile.getModules());
            }
            return modules;
        } catch (XmlPullParserException e) {
            throw new IOException(e.getMessage(), e);
        }
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
