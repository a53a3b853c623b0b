package io.github.dind.devcontainer.generate.request;

import io.github.dind.devcontainer.devcontainer.JavaVersion;
import io.github.dind.devcontainer.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Which JDKs a devcontainer gets, chosen from those its distribution ships ({@link JdkCatalog}).
 *
 * <p>The choice, in order: the {@code javaVersion} parameter ({@code none} installs no JDK; a
 * version the distribution does not ship is an error that names the ones it does); else the
 * project's Java version (its {@code maven.compiler.release}, else the compiler plugin's
 * {@code release} or {@code target}, else the Java the build runs on), installed as that JDK where
 * the distribution ships it, else as the nearest newer one — a newer {@code javac} compiles
 * {@code --release N} for every N it still supports, and JDK 21 and 25 support 8 and up.
 *
 * <p>Then the JDKs for Maven toolchains: {@link #toolchains}.
 *
 * <p>Java 8 is left out everywhere: Maven 3.9 and every JDK listed here compile for it
 * ({@code --release 8}), so a release-8 project gets the nearest newer JDK.
 */
public final class JavaToolchain {
    /** The {@code javaVersion} value that installs no JDK. */
    public static final String NONE = "none";

    /**
     * The Java version the project asks for, and where that came from (for the log), e.g. 17 from
     * {@code maven.compiler.release}.
     */
    public record ProjectJava(int version, String source) {
    }

    /**
     * A JDK the build asks for through Maven toolchains: the {@code <version>} (and {@code <vendor>})
     * of a {@code maven-toolchains-plugin} {@code <jdk>} or of a plugin's {@code <jdkToolchain>}.
     *
     * @param version the requirement as written: a version ({@code 17}) or a range ({@code [17,18)})
     * @param vendor the vendor asked for; null for any
     * @param source where it was found, for messages: plugin, element and module
     * @param accepts whether a toolchain that provides a JDK of this feature version meets it, by
     *     Maven's own rule ({@code RequirementMatcherFactory}: a range must contain the version, a
     *     plain version must equal it)
     */
    public record Requirement(String version, String vendor, String source, IntPredicate accepts) {
    }

    /** The vendor {@code toolchains.xml} gives every JDK: each distribution builds OpenJDK from source. */
    public static final String VENDOR = "openjdk";

    /** The JDK to install (empty for {@code none}) and why, in words for the log. */
    public record Choice(Optional<JdkCatalog.Jdk> jdk, String reason) {
        public static Choice none(String reason) {
            return new Choice(Optional.empty(), reason);
        }
    }

    private JavaToolchain() {
    }

    /**
     * Chooses the JDK.
     *
     * @param javaVersion the {@code javaVersion} parameter: null or blank to follow the project,
     *     {@code none}, or a version such as {@code 21}
     * @param project the project's Java version; null when nothing is known (then no JDK is
     *     installed and the reason says so)
     * @throws IllegalArgumentException when {@code javaVersion} is not a version, or names one the
     *     distribution does not ship, or when the project asks for a Java newer than every JDK the
     *     distribution ships; the message is the rule {@code javaVersion} breaks, naming the
     *     versions the distribution ships
     */
    public static Choice choose(Distro distro, String javaVersion, ProjectJava project) {
        List<JdkCatalog.Jdk> jdks = JdkCatalog.shipped(distro);
        if (javaVersion != null && !javaVersion.isBlank()) {
            String wanted = javaVersion.strip().toLowerCase(Locale.ROOT);
            if (NONE.equals(wanted)) {
                return Choice.none("no JDK (javaVersion=none)");
            }
            OptionalInt version = JavaVersion.parse(wanted);
            Optional<JdkCatalog.Jdk> exact = version.isPresent() ? find(jdks, version.getAsInt()) : Optional.empty();
            return exact.map(jdk -> new Choice(Optional.of(jdk), "JDK " + jdk.version() + " (" + jdk.packageName()
                    + ") as javaVersion says")).orElseThrow(() -> new IllegalArgumentException(
                    "a Java version " + distro.id() + " ships (" + JdkCatalog.versions(distro) + ") or " + NONE));
        }
        if (project == null) {
            return Choice.none("no JDK: the project names no Java version");
        }
        int wanted = project.version();
        Optional<JdkCatalog.Jdk> exact = find(jdks, wanted);
        if (exact.isPresent()) {
            return new Choice(exact, "JDK " + wanted + " (" + exact.get().packageName() + ") for Java " + wanted
                    + " from " + project.source());
        }
        Optional<JdkCatalog.Jdk> newer = jdks.stream().filter(j -> j.version() > wanted).findFirst();
        if (newer.isPresent()) {
            JdkCatalog.Jdk jdk = newer.get();
            return new Choice(newer, "JDK " + jdk.version() + " (" + jdk.packageName() + ") for Java " + wanted + " from "
                    + project.source() + ": " + distro.id() + " ships no JDK " + wanted + " (it ships " + JdkCatalog.versions(distro)
                    + "), so the nearest newer one, whose javac compiles --release " + wanted);
        }
        throw new IllegalArgumentException("set (" + distro.id() + " ships no JDK that compiles for Java " + wanted
                + ", which the project asks for through " + project.source() + "): one of " + JdkCatalog.versions(distro)
                + " or " + NONE);
    }

    /**
     * The JDKs {@code ~/.m2/toolchains.xml} lists, each installed: the default JDK first, then each
     * version {@code toolchains} names, then, for each requirement none of those meets, the newest
     * JDK the distribution ships that meets it.
     *
     * @param defaultJdk the JDK {@link #choose} chose; with none, no toolchains are listed
     * @param explicit the {@code toolchains} parameter: feature versions
     * @param problems receives a violation per version or requirement the distribution cannot meet,
     *     naming the versions it ships
     */
    public static List<JdkCatalog.Jdk> toolchains(Distro distro, Optional<JdkCatalog.Jdk> defaultJdk, List<String> explicit,
            List<Requirement> requirements, List<InvalidRequestException.Violation> problems) {
        if (defaultJdk.isEmpty()) {
            return List.of();
        }
        List<JdkCatalog.Jdk> shipped = JdkCatalog.shipped(distro);
        List<JdkCatalog.Jdk> listed = new ArrayList<>(List.of(defaultJdk.get()));
        for (String text : explicit) {
            OptionalInt version = JavaVersion.parse(text);
            Optional<JdkCatalog.Jdk> jdk = version.isPresent() ? find(shipped, version.getAsInt()) : Optional.empty();
            if (jdk.isEmpty()) {
                problems.add(RequestRules.violation("toolchains", text, "a Java version " + distro.id() + " ships ("
                        + JdkCatalog.versions(distro) + ")"));
            } else if (!listed.contains(jdk.get())) {
                listed.add(jdk.get());
            }
        }
        for (Requirement requirement : requirements) {
            if (requirement.vendor() != null && !requirement.vendor().isBlank()
                    && !VENDOR.equalsIgnoreCase(requirement.vendor().strip())) {
                problems.add(new InvalidRequestException.Violation(null, requirement.source().replace("<version>", "<vendor>"),
                        requirement.vendor(), "empty or " + VENDOR + ": the JDKs of " + distro.id()
                        + " are OpenJDK builds, listed in toolchains.xml with <vendor>" + VENDOR + "</vendor>"));
                continue;
            }
            if (listed.stream().anyMatch(jdk -> requirement.accepts().test(jdk.version()))) {
                continue;
            }
            Optional<JdkCatalog.Jdk> newest = shipped.stream().filter(jdk -> requirement.accepts().test(jdk.version()))
                    .reduce((older, newer) -> newer);
            if (newest.isPresent()) {
                listed.add(newest.get());
            } else {
                problems.add(new InvalidRequestException.Violation(null, requirement.source(), requirement.version(),
                        "met by a JDK " + distro.id() + " ships (" + JdkCatalog.versions(distro) + "); change the requirement,"
                        + " or choose a distro that ships it (" + Setting.ref("distro") + ": "
                        + java.util.Arrays.stream(Distro.values()).filter(d -> d != distro)
                                .map(d -> d.id() + " ships " + JdkCatalog.versions(d)).collect(Collectors.joining("; ")) + ")"));
            }
        }
        return List.copyOf(listed);
    }

    private static Optional<JdkCatalog.Jdk> find(List<JdkCatalog.Jdk> jdks, int version) {
        return jdks.stream().filter(j -> j.version() == version).findFirst();
    }
}
