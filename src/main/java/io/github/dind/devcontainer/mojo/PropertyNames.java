package io.github.dind.devcontainer.mojo;

import java.util.Set;

/**
 * Every user property the plugin reads ({@code -Ddevcontainer.*}), in one place, following one rule:
 * a parameter that several goals share is {@code devcontainer.<parameter>}; a goal's own parameter is
 * {@code devcontainer.<goal>.<parameter>}; skip flags are {@code devcontainer.skip} and
 * {@code devcontainer.<goal>.skip}. {@link #of} applies the rule; {@code PropertyNamesTest} checks
 * every parameter of the plugin descriptor against it and against the README's tables.
 */
final class PropertyNames {
    private static final String PREFIX = "devcontainer.";
    private static final String GENERATE = PREFIX + "generate.";
    private static final String BUILD = PREFIX + "build.";
    private static final String VERIFY = PREFIX + "verify.";
    private static final String PUSH = PREFIX + "push.";

    /** Parameters that more than one goal reads: their property has no goal segment. */
    static final Set<String> SHARED = Set.of("skip", "directory", "imageName", "tags", "dockerHost", "allowedSecrets");

    /** Parameters that no property can set (a map, a list of objects): only the pom element. */
    static final Set<String> POM_ONLY = Set.of("buildArgs", "checks");

    static final String SKIP = PREFIX + "skip";
    static final String DIRECTORY = PREFIX + "directory";
    static final String IMAGE_NAME = PREFIX + "imageName";
    static final String TAGS = PREFIX + "tags";
    static final String DOCKER_HOST = PREFIX + "dockerHost";
    static final String ALLOWED_SECRETS = PREFIX + "allowedSecrets";

    static final String GENERATE_SKIP = GENERATE + "skip";
    static final String NAME = GENERATE + "name";
    static final String DISTRO = GENERATE + "distro";
    static final String BASE_IMAGE = GENERATE + "baseImage";
    static final String PACKAGES = GENERATE + "packages";
    static final String REMOTE_USER = GENERATE + "remoteUser";
    static final String DOCKER_VOLUME = GENERATE + "dockerVolume";
    static final String DOCKERD_TIMEOUT = GENERATE + "dockerdTimeout";
    static final String TEMPLATE_DIRECTORY = GENERATE + "templateDirectory";
    static final String FORCE = GENERATE + "force";
    static final String PREBUILT_IMAGE = GENERATE + "prebuiltImage";
    static final String JAVA_VERSION = GENERATE + "javaVersion";
    static final String TOOLCHAINS = GENERATE + "toolchains";
    static final String MAVEN = GENERATE + "maven";
    static final String LOCAL_REPOSITORY_VOLUME = GENERATE + "localRepositoryVolume";
    static final String MAVEN_SETTINGS = GENERATE + "mavenSettings";
    static final String OFFLINE_REPOSITORY = GENERATE + "offlineRepository";
    static final String CA_CERTIFICATES = GENERATE + "caCertificates";
    static final String EXTENSIONS = GENERATE + "extensions";
    static final String JETBRAINS_PLUGINS = GENERATE + "jetbrainsPlugins";
    static final String FORWARD_PORTS = GENERATE + "forwardPorts";
    static final String REGISTRY_MIRRORS = GENERATE + "registryMirrors";
    static final String INSECURE_REGISTRIES = GENERATE + "insecureRegistries";
    static final String PIN_BASE_IMAGE = GENERATE + "pinBaseImage";
    static final String UPDATE_PINS = GENERATE + "updatePins";
    static final String PRELOAD_IMAGES = GENERATE + "preloadImages";

    static final String BUILD_SKIP = BUILD + "skip";
    static final String OFFLINE_REPOSITORY_COMMAND = BUILD + "offlineRepositoryCommand";
    static final String DOCKERFILE = BUILD + "dockerfile";
    static final String PULL = BUILD + "pull";
    static final String NO_CACHE = BUILD + "noCache";
    static final String BUILD_ALWAYS = BUILD + "always";
    static final String BUILD_TIMEOUT = BUILD + "timeout";
    static final String CREATED_LABEL = BUILD + "createdLabel";
    static final String CACHE_FROM = BUILD + "cacheFrom";
    static final String METADATA_LABEL = BUILD + "metadataLabel";
    static final String LOCK_FEATURES = BUILD + "lockFeatures";
    static final String REQUIRE_PINNED_BASE = BUILD + "requirePinnedBase";
    static final String SBOM = BUILD + "sbom";

    static final String VERIFY_SKIP = VERIFY + "skip";
    static final String IMAGE = VERIFY + "image";
    static final String VERIFY_KEEP = VERIFY + "keep";
    static final String VERIFY_ALWAYS = VERIFY + "always";
    static final String VERIFY_ONLY = VERIFY + "only";
    static final String VERIFY_REPEAT = VERIFY + "repeat";
    static final String VERIFY_CHECK_TIMEOUT = VERIFY + "checkTimeout";
    static final String VERIFY_READY_TIMEOUT = VERIFY + "readyTimeout";
    static final String VERIFY_STOP_GRACE_PERIOD = VERIFY + "stopGracePeriod";
    static final String REPORT_DIRECTORY = VERIFY + "reportDirectory";
    static final String PROJECT_BUILD = VERIFY + "projectBuild";
    static final String VERIFY_TESTCONTAINERS = VERIFY + "testcontainers";
    static final String VERIFY_TESTCONTAINERS_TIMEOUT = VERIFY + "testcontainersTimeout";
    static final String PROJECT_BUILD_COMMAND = VERIFY + "projectBuildCommand";
    static final String PROJECT_BUILD_TIMEOUT = VERIFY + "projectBuildTimeout";
    static final String OFFLINE_BUILD = VERIFY + "offlineBuild";
    static final String INNER_REGISTRY_LOGINS = VERIFY + "innerRegistryLogins";

    static final String PUSH_SKIP = PUSH + "skip";
    static final String PUSH_TIMEOUT = PUSH + "timeout";

    private PropertyNames() {
    }

    /**
     * The property of a goal's parameter by the rule. A skip flag is named {@code skip<Goal>} in the
     * goal (the shared {@code skip} takes the plain name) and its property ends in {@code .skip}.
     * Null for a parameter in {@link #POM_ONLY}.
     */
    static String of(String goal, String parameter) {
        if (POM_ONLY.contains(parameter)) {
            return null;
        }
        if (SHARED.contains(parameter)) {
            return PREFIX + parameter;
        }
        String ownSkip = "skip" + Character.toUpperCase(goal.charAt(0)) + goal.substring(1);
        return PREFIX + goal + "." + (parameter.equals(ownSkip) ? "skip" : parameter);
    }
}
