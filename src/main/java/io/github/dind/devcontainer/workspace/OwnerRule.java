package io.github.dind.devcontainer.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which folder owns the devcontainer of a Maven project: the top of the reactor it belongs to.
 *
 * <p>A devcontainer belongs to the repository, the folder a client opens, not to a module. The rule
 * starts at the project's folder and climbs to the project that lists it as a module, again and
 * again, until no project does; the folder where it stops is the owner. A project that lists it is
 * looked for first among the projects Maven loaded (the build's, and the local parents of the one
 * that asks: they know sibling layouts such as {@code <module>../core</module>}), then in the
 * {@code pom.xml} of the parent folder, which a build started in a module folder, with
 * {@code -f module/pom.xml}, or with {@code -pl}, {@code -rf} does not load ({@link PomModules}:
 * its modules and subprojects, those of all its profiles included).
 *
 * <p>Why not the other anchors Maven offers: the <em>execution root</em> and the session's
 * top-level project are wherever the build started, a module folder included;
 * {@code maven.multiModuleProjectDirectory} is the nearest folder with {@code .mvn}, else again
 * where the build started (Maven 3's launcher, {@code mvn} script's {@code find_maven_basedir});
 * a project's {@code <parent>} need not be its aggregator (a {@code parent/} module beside the
 * others). Only the modules relation says "this folder builds that one".
 */
public final class OwnerRule {
    private OwnerRule() {
    }

    /**
     * Reads the {@code <modules>} of a {@code pom.xml} the build did not load.
     */
    @FunctionalInterface
    public interface PomModules {
        /**
         * @param pom a {@code pom.xml} that exists
         * @return its module entries as written: folders or pom files, relative to the pom's folder,
         *     its profiles' included
         * @throws IOException when the file cannot be read or parsed
         */
        List<String> of(Path pom) throws IOException;
    }

    /**
     * The owner folder of a project.
     *
     * @param project the project's folder
     * @param reactor the folders of the build's projects, each with the folders of its modules
     *     (resolved and normalized)
     * @param pomModules reads a pom outside the build; a pom it cannot read lists no modules
     * @return the folder of the topmost project that aggregates {@code project}, or the project's own
     */
    public static Path ownerFolder(Path project, Map<Path, List<Path>> reactor, PomModules pomModules) {
        Path current = normalize(project);
        Set<Path> seen = new HashSet<>();
        seen.add(current);
        while (true) {
            Optional<Path> aggregator = listedInReactor(current, reactor);
            if (aggregator.isEmpty()) {
                aggregator = listedInParentFolder(current, pomModules);
            }
            if (aggregator.isEmpty() || !seen.add(aggregator.get())) {
                return current;
            }
            current = aggregator.get();
        }
    }

    private static Optional<Path> listedInReactor(Path folder, Map<Path, List<Path>> reactor) {
        return reactor.entrySet().stream()
                .filter(e -> !normalize(e.getKey()).equals(folder))
                .filter(e -> e.getValue().stream().map(OwnerRule::normalize).anyMatch(folder::equals))
                .map(e -> normalize(e.getKey()))
                .sorted() // several aggregators of one folder: the choice must not depend on map order
                .findFirst();
    }

    private static Optional<Path> listedInParentFolder(Path folder, PomModules pomModules) {
        Path parent = folder.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Path pom = parent.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            for (String module : pomModules.of(pom)) {
                if (moduleFolder(parent, module).equals(folder)) {
                    return Optional.of(parent);
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // an unreadable pom aggregates nothing: Maven could not build it either
        }
        return Optional.empty();
    }

    /**
     * The folder a {@code <module>} entry names: a folder, or a pom file in one (Maven accepts both:
     * {@code DefaultModelBuilder} resolves a module that is a file as that file).
     */
    public static Path moduleFolder(Path aggregator, String module) {
        String entry = module.strip().replace('\\', '/');
        Path resolved = normalize(aggregator.resolve(entry));
        return entry.endsWith(".xml") || Files.isRegularFile(resolved) ? resolved.getParent() : resolved;
    }

    private static Path normalize(Path path) {
        return canonical(path);
    }

    /**
     * A folder as the rule compares folders: absolute, normalized, and with symbolic links resolved
     * where it exists (a module folder reached through a link is the folder it links to).
     */
    public static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
