package io.github.dind.devcontainer.generate.request;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JDKs and the Maven each distribution ships, with where each name was looked up: the data
 * {@link JavaToolchain} chooses from. Every JDK is installed so that its home is
 * {@code /usr/lib/jvm/java-N-openjdk}: Wolfi and Alpine install there; Debian and Ubuntu install to
 * {@code /usr/lib/jvm/java-N-openjdk-ARCH}, to which the Dockerfile links that path (the
 * architecture is known only at build time).
 */
public final class JdkCatalog {
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

    private JdkCatalog() {
    }

    /** The JDKs a distribution ships, oldest first. */
    public static List<Jdk> shipped(Distro distro) {
        return SHIPPED.get(distro);
    }

    /** The versions for messages: {@code 21, 25}. */
    public static String versions(Distro distro) {
        return shipped(distro).stream().map(j -> Integer.toString(j.version())).collect(Collectors.joining(", "));
    }
}
