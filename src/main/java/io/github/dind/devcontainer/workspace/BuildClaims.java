package io.github.dind.devcontainer.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One build's record of which project does a devcontainer's work: the first project of the build
 * that runs one of the plugin's goals for an owner folder claims it, and every goal of that project
 * does the work; the other projects skip. Safe under {@code mvn -T}: claims are atomic.
 *
 * <p>In a whole build the first is the owner itself (a parent builds before its modules, also in
 * parallel builds); in a partial build ({@code -pl}, {@code -rf}, {@code -f module/pom.xml}) it is
 * the first module that runs a goal.
 */
public final class BuildClaims {
    private final ConcurrentMap<Path, Claim> claims = new ConcurrentHashMap<>();

    /**
     * Claims the owner folder for a project, or returns the existing claim.
     *
     * @param ownerFolder the folder that owns the devcontainer ({@link OwnerRule})
     * @param project a name of the project that asks, as the log shows it (its artifactId)
     * @param projectFolder the asking project's folder: the claim's identity
     */
    public Claim claim(Path ownerFolder, String project, Path projectFolder) {
        return claims.computeIfAbsent(ownerFolder.toAbsolutePath().normalize(),
                folder -> new Claim(project, projectFolder.toAbsolutePath().normalize()));
    }

    /** Who does the work for an owner folder in this build, and the settings it did it with. */
    public static final class Claim {
        private final String holder;
        private final Path holderFolder;
        private final ConcurrentMap<String, String> settings = new ConcurrentHashMap<>();

        private Claim(String holder, Path holderFolder) {
            this.holder = holder;
            this.holderFolder = holderFolder;
        }

        /** The project that does the work, as the log names it. */
        public String holder() {
            return holder;
        }

        public boolean heldBy(Path projectFolder) {
            return holderFolder.equals(projectFolder.toAbsolutePath().normalize());
        }

        /**
         * The holder records the settings that identify the devcontainer (its folder, image name,
         * distro): the first value of each stays.
         */
        public void record(Map<String, String> identifying) {
            identifying.forEach((key, value) -> {
                if (value != null) {
                    settings.putIfAbsent(key, value);
                }
            });
        }

        /**
         * The settings another project gives differently from the holder, among those the holder
         * recorded so far.
         */
        public List<Mismatch> mismatches(Map<String, String> identifying) {
            List<Mismatch> found = new ArrayList<>();
            identifying.forEach((key, value) -> {
                String held = settings.get(key);
                if (held != null && value != null && !Objects.equals(held, value)) {
                    found.add(new Mismatch(key, value, held));
                }
            });
            return found;
        }
    }

    /** A setting a project gives as {@code value} where the claim's holder gave {@code held}. */
    public record Mismatch(String parameter, String value, String held) {
    }
}
