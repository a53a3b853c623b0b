package io.github.dind.devcontainer.spec;

import io.github.dind.devcontainer.Setting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which JDK a devcontainer gets: the JDKs each distribution ships, and the choice between them.
 *
 * <p>The choice, in order: the {@code javaVersion} parameter ({@code none} installs no JDK; a
 * version the distribution does not ship is an error that names the ones it does); else the
 * project's Java version (its {@code maven.compiler.release}, else the compiler plugin's
 * {@code release} or {@code target}, else the Java the build runs on), installed as that JDK where
 * the distribution ships it, else as the nearest newer one — a newer {@code javac} compiles
 * {@code --release N} for every N it still supports, and JDK 21 and 25 support 8 and up.
 *
 * <p>Every JDK is installed so that {@code JAVA_HOME} is {@code /usr/lib/jvm/java-N-openjdk}:
 * Wolfi and Alpine install there; Debian and Ubuntu install to
 * {@code /usr/lib/jvm/java-N-openjdk-ARCH}, to which the Dockerfile links that path (the
 * architecture is known only at build time).
 *
 * <p>Java 8 is left out everywhere: Maven 3.9 and every JDK listed here compile for it
 * ({@code --release 8}), so a release-8 project gets the nearest newer JDK.
 */
public final class JavaToolchain {
    /** The {@code javaVersion} value that installs no JDK. */
    public static final String NONE = "none";

    /**
     * A JDK a distribution ships: its feature version, its package, its home, and the package that
     * installs it beside another JDK (Wolfi's {@code openjdk-N-default-jdk} makes its JDK the
     * system's default and conflicts with a second one; {@code openjdk-N} is the JDK alone, per
     * wolfi-dev/os {@code docs/JAVA.md}). Elsewhere the two are the same package.
     */
    public record Jdk(int version, String packageName, String javaHome, String besidePackage) {
        Jdk(int version, String packageName, String javaHome) {
            this(version, packageName, javaHome, packageName);
        }
    }

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
    public record Choice(Optional<Jdk> jdk, String reason) {
        public static Choice none(String reason) {
            return new Choice(Optional.empty(), reason);
        }
    }

    private static final Map<Distro, List<Jdk>> SHIPPED = new EnumMap<>(Distro.class);

    static {
        /*
         * Wolfi: wolfi-dev/os openjdk-11.yaml, -17, -21, -25, -26 (commit 8190a1652f, 2026-08-22) each
         * build with --prefix=/usr/lib/jvm/java-N-openjdk and have an `openjdk-N-default-jdk`
         * subpackage that depends on openjdk-N and java-common (which links javac, jar, ... into
         * /usr/bin) and points /usr/lib/jvm/default-jvm at it. Every JDK links
         * lib/security/cacerts to /etc/ssl/certs/java/cacerts, which the `java-cacerts`
         * subpackage of ca-certificates.yaml builds and an update.d hook of
         * update-ca-certificates rebuilds.
         */
        SHIPPED.put(Distro.WOLFI, List.of(
                new Jdk(11, "openjdk-11-default-jdk", "/usr/lib/jvm/java-11-openjdk", "openjdk-11"),
                new Jdk(17, "openjdk-17-default-jdk", "/usr/lib/jvm/java-17-openjdk", "openjdk-17"),
                new Jdk(21, "openjdk-21-default-jdk", "/usr/lib/jvm/java-21-openjdk", "openjdk-21"),
                new Jdk(25, "openjdk-25-default-jdk", "/usr/lib/jvm/java-25-openjdk", "openjdk-25"),
                new Jdk(26, "openjdk-26-default-jdk", "/usr/lib/jvm/java-26-openjdk", "openjdk-26")));
        /*
         * Alpine: aports community/openjdk11, openjdk17, openjdk21, openjdk25 (APKBUILDs as indexed
         * in 2026: openjdk21 at 15a4bfa570, openjdk25 25.0.4_p7 at 2c5e5b50c3; not checked against
         * the 3.24 branch itself); the JDK is the `openjdkN-jdk` subpackage (provides java-jdk),
         * _java_home=/usr/lib/jvm/java-N-openjdk.
         * Its jre-headless depends on java-common (a trigger links the default JVM's tools into
         * /usr/bin) and java-cacerts (an update-ca-certificates hook that extracts the system
         * store into /etc/ssl/certs/java/cacerts, to which lib/security/cacerts links).
         */
        SHIPPED.put(Distro.ALPINE, List.of(
                new Jdk(11, "openjdk11-jdk", "/usr/lib/jvm/java-11-openjdk"),
                new Jdk(17, "openjdk17-jdk", "/usr/lib/jvm/java-17-openjdk"),
                new Jdk(21, "openjdk21-jdk", "/usr/lib/jvm/java-21-openjdk"),
                new Jdk(25, "openjdk25-jdk", "/usr/lib/jvm/java-25-openjdk")));
        /*
         * Debian trixie: `apt-cache policy` in debian:trixie (2026-11-29): openjdk-21-jdk-headless
         * 21.0.13+9-1~deb13u2 and openjdk-25-jdk-headless 25.0.5+8-1~deb13u1; openjdk-17 and
         * openjdk-11 have no candidate (trixie ships neither). The JRE depends on
         * ca-certificates-java, whose update-ca-certificates hook keeps /etc/ssl/certs/java/cacerts
         * (the JDK's cacerts) in step with the system store. Note: openjdk-25-jre-headless provides
         * only java-runtime-headless (= 25), so Debian's `maven` (Depends: default-jre-headless |
         * java7-runtime-headless) pulls in openjdk-21-jre-headless beside JDK 25; JAVA_HOME and the
         * java alternative (priority 2511 over 2111) still name 25.
         */
        SHIPPED.put(Distro.DEBIAN, List.of(
                new Jdk(21, "openjdk-21-jdk-headless", "/usr/lib/jvm/java-21-openjdk"),
                new Jdk(25, "openjdk-25-jdk-headless", "/usr/lib/jvm/java-25-openjdk")));
        /*
         * Ubuntu 24.04 (noble): openjdk-11, -17 and -21 in the release pockets; openjdk-25 in
         * noble-updates/noble-security (universe), the backport Launchpad bug 2141785 discusses
         * for jammy and noble. No Ubuntu mirror is reachable from this project's CI, so these
         * names are checked statically only (like the rest of the ubuntu image).
         */
        SHIPPED.put(Distro.UBUNTU, List.of(
                new Jdk(11, "openjdk-11-jdk-headless", "/usr/lib/jvm/java-11-openjdk"),
                new Jdk(17, "openjdk-17-jdk-headless", "/usr/lib/jvm/java-17-openjdk"),
                new Jdk(21, "openjdk-21-jdk-headless", "/usr/lib/jvm/java-21-openjdk"),
                new Jdk(25, "openjdk-25-jdk-headless", "/usr/lib/jvm/java-25-openjdk")));
    }

    /**
     * The distribution's Maven package. Wolfi: `maven-3.9` (maven-3.9.yaml; the bare name `maven`
     * is only a virtual provided by both maven-3.9 and maven-stage0, which apk will not choose
     * between). Alpine: community/maven (depends on java-jdk, which the chosen openjdkN-jdk
     * provides). Debian trixie: maven 3.9.9-1 (apt-cache policy, 2026-11-29). Ubuntu noble: maven.
     */
    public static String mavenPackage(Distro distro) {
        return distro == Distro.WOLFI ? "maven-3.9" : "maven";
    }

    private static final Pattern VERSION = Pattern.compile("(?:1\\.)?([1-9][0-9]?)(?:\\.[0-9]+)*");

    private JavaToolchain() {
    }

    /** The JDKs a distribution ships, oldest first. */
    public static List<Jdk> shipped(Distro distro) {
        return SHIPPED.get(distro);
    }

    /** The versions for messages: {@code 21, 25}. */
    public static String versions(Distro distro) {
        return shipped(distro).stream().map(j -> Integer.toString(j.version())).collect(Collectors.joining(", "));
    }

    /**
     * A Java version as Maven projects write it: {@code 17}, {@code 1.8} (that is 8), {@code 21.0.2}.
     * Empty for anything else (an unresolved {@code ${property}}, a blank).
     */
    public static OptionalInt parseVersion(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
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
        List<Jdk> jdks = shipped(distro);
        if (javaVersion != null && !javaVersion.isBlank()) {
            String wanted = javaVersion.strip().toLowerCase(Locale.ROOT);
            if (NONE.equals(wanted)) {
                return Choice.none("no JDK (javaVersion=none)");
            }
            OptionalInt version = parseVersion(wanted);
            Optional<Jdk> exact = version.isPresent() ? find(jdks, version.getAsInt()) : Optional.empty();
            return exact.map(jdk -> new Choice(Optional.of(jdk), "JDK " + jdk.version() + " (" + jdk.packageName()
                    + ") as javaVersion says")).orElseThrow(() -> new IllegalArgumentException(
                    "a Java version " + distro.id() + " ships (" + versions(distro) + ") or " + NONE));
        }
        if (project == null) {
            return Choice.none("no JDK: the project names no Java version");
        }
        int wanted = project.version();
        Optional<Jdk> exact = find(jdks, wanted);
        if (exact.isPresent()) {
            return new Choice(exact, "JDK " + wanted + " (" + exact.get().packageName() + ") for Java " + wanted
                    + " from " + project.source());
        }
        Optional<Jdk> newer = jdks.stream().filter(j -> j.version() > wanted).findFirst();
        if (newer.isPresent()) {
            Jdk jdk = newer.get();
            return new Choice(newer, "JDK " + jdk.version() + " (" + jdk.packageName() + ") for Java " + wanted + " from "
                    + project.source() + ": " + distro.id() + " ships no JDK " + wanted + " (it ships " + versions(distro)
                    + "), so the nearest newer one, whose javac compiles --release " + wanted);
        }
        throw new IllegalArgumentException("set (" + distro.id() + " ships no JDK that compiles for Java " + wanted
                + ", which the project asks for through " + project.source() + "): one of " + versions(distro)
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
    public static List<Jdk> toolchains(Distro distro, Optional<Jdk> defaultJdk, List<String> explicit,
            List<Requirement> requirements, List<InvalidSpecException.Violation> problems) {
        if (defaultJdk.isEmpty()) {
            return List.of();
        }
        List<Jdk> shipped = shipped(distro);
        List<Jdk> listed = new ArrayList<>(List.of(defaultJdk.get()));
        for (String text : explicit) {
            OptionalInt version = parseVersion(text);
            Optional<Jdk> jdk = version.isPresent() ? find(shipped, version.getAsInt()) : Optional.empty();
            if (jdk.isEmpty()) {
                problems.add(SpecRules.violation("toolchains", text, "a Java version " + distro.id() + " ships ("
                        + versions(distro) + ")"));
            } else if (!listed.contains(jdk.get())) {
                listed.add(jdk.get());
            }
        }
        for (Requirement requirement : requirements) {
            if (requirement.vendor() != null && !requirement.vendor().isBlank()
                    && !VENDOR.equalsIgnoreCase(requirement.vendor().strip())) {
                problems.add(new InvalidSpecException.Violation(null, requirement.source() + " <vendor>",
                        requirement.vendor(), "empty or " + VENDOR + ": the JDKs of " + distro.id()
                        + " are OpenJDK builds, listed in toolchains.xml with <vendor>" + VENDOR + "</vendor>"));
                continue;
            }
            if (listed.stream().anyMatch(jdk -> requirement.accepts().test(jdk.version()))) {
                continue;
            }
            Optional<Jdk> newest = shipped.stream().filter(jdk -> requirement.accepts().test(jdk.version()))
                    .reduce((older, newer) -> newer);
            if (newest.isPresent()) {
                listed.add(newest.get());
            } else {
                problems.add(new InvalidSpecException.Violation(null, requirement.source(), requirement.version(),
                        "met by a JDK " + distro.id() + " ships (" + versions(distro) + "); change the requirement,"
                        + " or choose a distro that ships it (" + Setting.ref("distro") + ": "
                        + java.util.Arrays.stream(Distro.values()).filter(d -> d != distro)
                                .map(d -> d.id() + " ships " + versions(d)).collect(Collectors.joining("; ")) + ")"));
            }
        }
        return List.copyOf(listed);
    }

    private static Optional<Jdk> find(List<Jdk> jdks, int version) {
        return jdks.stream().filter(j -> j.version() == version).findFirst();
    }
}
