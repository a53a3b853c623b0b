package io.github.dind.devcontainer.mojo;

/** Every user property the plugin reads ({@code -Ddevcontainer.*}), in one place. */
final class PropertyNames {
    static final String SKIP = "devcontainer.skip";

    static final String GENERATE_SKIP = "devcontainer.generate.skip";
    static final String OUTPUT_DIRECTORY = "devcontainer.outputDirectory";
    static final String NAME = "devcontainer.name";
    static final String DISTRO = "devcontainer.distro";
    static final String BASE_IMAGE = "devcontainer.baseImage";
    static final String PACKAGES = "devcontainer.packages";
    static final String REMOTE_USER = "devcontainer.remoteUser";
    static final String DOCKER_VOLUME = "devcontainer.dockerVolume";
    static final String DOCKERD_TIMEOUT = "devcontainer.dockerdTimeout";
    static final String TEMPLATE_DIRECTORY = "devcontainer.templateDirectory";
    static final String FORCE = "devcontainer.force";
    static final String JAVA_VERSION = "devcontainer.javaVersion";
    static final String MAVEN = "devcontainer.maven";
    static final String LOCAL_REPOSITORY_VOLUME = "devcontainer.localRepositoryVolume";
    static final String MAVEN_SETTINGS = "devcontainer.mavenSettings";
    static final String CA_CERTIFICATES = "devcontainer.caCertificates";
    static final String EXTENSIONS = "devcontainer.extensions";
    static final String FORWARD_PORTS = "devcontainer.forwardPorts";

    static final String DOCKER_HOST = "devcontainer.dockerHost";
    static final String IMAGE_NAME = "devcontainer.imageName";

    static final String BUILD_SKIP = "devcontainer.build.skip";
    static final String CONTEXT_DIRECTORY = "devcontainer.contextDirectory";
    static final String DOCKERFILE = "devcontainer.dockerfile";
    static final String TAGS = "devcontainer.tags";
    static final String BUILD_ARGS = "devcontainer.buildArgs";
    static final String PULL = "devcontainer.pull";
    static final String NO_CACHE = "devcontainer.noCache";
    static final String BUILD_ALWAYS = "devcontainer.build.always";
    static final String BUILD_TIMEOUT = "devcontainer.build.timeout";
    static final String CREATED_LABEL = "devcontainer.build.createdLabel";

    static final String VERIFY_SKIP = "devcontainer.verify.skip";
    static final String IMAGE = "devcontainer.image";
    static final String CONFIG_FILE = "devcontainer.configFile";
    static final String VERIFY_KEEP = "devcontainer.verify.keep";
    static final String VERIFY_ONLY = "devcontainer.verify.only";
    static final String VERIFY_REPEAT = "devcontainer.verify.repeat";
    static final String VERIFY_CHECK_TIMEOUT = "devcontainer.verify.checkTimeout";
    static final String VERIFY_READY_TIMEOUT = "devcontainer.verify.readyTimeout";
    static final String VERIFY_STOP_GRACE_PERIOD = "devcontainer.verify.stopGracePeriod";
    static final String REPORT_DIRECTORY = "devcontainer.verify.reportDirectory";
    static final String PROJECT_BUILD = "devcontainer.verify.projectBuild";
    static final String PROJECT_BUILD_COMMAND = "devcontainer.verify.projectBuildCommand";
    static final String PROJECT_BUILD_TIMEOUT = "devcontainer.verify.projectBuildTimeout";

    private PropertyNames() {
    }
}
