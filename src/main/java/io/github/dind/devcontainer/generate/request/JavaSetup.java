package io.github.dind.devcontainer.generate.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java part of a devcontainer: the JDK (none when empty) and why it was chosen, the
 * distribution's Maven, a named volume at the remote user's {@code ~/.m2/repository}, a read-only
 * mount of the host's {@code ~/.m2/settings.xml}, the JDKs {@code ~/.m2/toolchains.xml} lists (the
 * default JDK first; empty without a JDK), and whether the project asked for toolchains (its poms'
 * toolchain requirements, or the {@code toolchains} parameter): then devcontainer.json records them
 * and verify proves each; and whether the image brings an offline-ready local repository (the
 * {@code offline-repository} Feature, whose payload {@code build} fills).
 */
public record JavaSetup(JavaToolchain.Choice jdk, boolean maven, boolean localRepositoryVolume,
        boolean mavenSettings, List<JdkCatalog.Jdk> toolchains, boolean toolchainsAsked, boolean offlineRepository) {
    public JavaSetup {
        toolchains = List.copyOf(toolchains);
    }

    /**
     * Chooses the JDKs and Maven for a distribution from the raw parameters; every rule broken adds
     * a violation to {@code problems}.
     *
     * @param javaVersion the {@code javaVersion} parameter
     * @param projectJava the Java version the project compiles for; null when unknown
     * @param maven the {@code maven} parameter: {@link GenerateRequest#MAVEN_DISTRO} (also null or blank) or
     *     {@link GenerateRequest#MAVEN_NONE}
     * @param toolchains the {@code toolchains} parameter
     * @param requirements the toolchain requirements of the project's poms
     * @return the setup, or null when the JDK could not be chosen
     */
    static JavaSetup of(Distro distro, String javaVersion, JavaToolchain.ProjectJava projectJava, String maven,
            List<String> toolchains, List<JavaToolchain.Requirement> requirements, boolean localRepositoryVolume,
            boolean mavenSettings, boolean offlineRepository, List<InvalidRequestException.Violation> problems) {
        JavaToolchain.Choice jdk = null;
        try {
            jdk = JavaToolchain.choose(distro, javaVersion, projectJava);
        } catch (IllegalArgumentException e) {
            problems.add(RequestRules.violation("javaVersion", javaVersion, e.getMessage()));
        }
        String mavenChoice = maven == null || maven.isBlank() ? GenerateRequest.MAVEN_DISTRO
                : maven.strip().toLowerCase(Locale.ROOT);
        boolean withMaven = GenerateRequest.MAVEN_DISTRO.equals(mavenChoice);
        if (!withMaven && !GenerateRequest.MAVEN_NONE.equals(mavenChoice)) {
            problems.add(RequestRules.violation("maven", maven, GenerateRequest.MAVEN_DISTRO
                    + " (the distribution's Maven) or " + GenerateRequest.MAVEN_NONE));
        }
        if (jdk == null) {
            return null;
        }
        // Maven comes with the JDK: without one it could not build the project (and on Wolfi it
        // would not even start: maven-3.9 depends on no JDK)
        withMaven &= jdk.jdk().isPresent();
        if (offlineRepository && !withMaven) {
            problems.add(RequestRules.violation("offlineRepository", "true", "false in a devcontainer without Maven (the"
                    + " repository is Maven's): leave <maven> at " + GenerateRequest.MAVEN_DISTRO + " and give it a JDK,"
                    + " or leave <offlineRepository> out"));
        }
        List<JdkCatalog.Jdk> listed = JavaToolchain.toolchains(distro, jdk.jdk(), toolchains, requirements, problems);
        return new JavaSetup(jdk, withMaven, localRepositoryVolume, mavenSettings, listed,
                !listed.isEmpty() && (!toolchains.isEmpty() || !requirements.isEmpty()), offlineRepository);
    }

    /** The distribution's packages: the default JDK, the others beside it, then Maven. */
    List<String> packages(Distro distro) {
        List<String> packages = new ArrayList<>();
        for (JdkCatalog.Jdk listed : toolchains) {
            packages.add(listed == toolchains.get(0) ? listed.packageName() : listed.besidePackage());
        }
        if (maven) {
            packages.add(JdkCatalog.mavenPackage(distro));
        }
        return packages;
    }
}
