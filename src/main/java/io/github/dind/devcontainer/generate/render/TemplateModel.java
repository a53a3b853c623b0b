package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.generate.request.JavaSetup;
import io.github.dind.devcontainer.generate.request.JdkCatalog;
import static io.github.dind.devcontainer.DevcontainerException.setting;
import io.github.dind.devcontainer.generate.request.CaCertificates;
import io.github.dind.devcontainer.generate.request.Distro;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.PackageManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The values the templates see; text that comes from a setting is a {@link TemplateValue} naming it.
 * Documented in the README ("Your own templates"): keep the names
 * stable, user templates depend on them.
 */
final class TemplateModel {
    static final String STARTUP_SCRIPT = "/usr/local/bin/startup.sh";
    /** Where the offline-repository Feature puts the repository in the image (the hook copies it from there). */
    static final String OFFLINE_REPOSITORY_FOLDER = "/usr/local/share/devcontainer/m2-repository";
    /** The offline-repository Feature's onCreateCommand, installed by its install.sh. */
    static final String OFFLINE_REPOSITORY_COMMAND = "/usr/local/bin/devcontainer-offline-repository";

    private TemplateModel() {
    }

    static Map<String, Object> of(GenerateRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", new TemplateValue(request.name(), setting("name")));
        model.put("distro", new TemplateValue(request.distro().id(), setting("distro")));
        model.put("baseImage", new TemplateValue(request.baseImage().toString(), setting("baseImage")));
        model.put("apk", request.distro().packageManager() == PackageManager.APK);
        model.put("apt", request.distro().packageManager() == PackageManager.APT);
        model.put("glibc", request.distro().glibc());
        model.put("jetbrainsLibraries", Distro.JETBRAINS_LIBRARIES.stream().map(l -> Map.of("name", l)).toList());
        List<String> packages = request.packages();
        model.put("packages", IntStream.range(0, packages.size())
                .mapToObj(i -> Map.of("name", new TemplateValue(packages.get(i), setting("packages")),
                        "more", i < packages.size() - 1))
                .toList());
        model.put("remoteUser", new TemplateValue(request.remoteUser(), setting("remoteUser")));
        model.put("nonRootUser", request.nonRootUser());
        model.put("dockerVolume", request.dockerVolume());
        model.put("dockerdTimeout", Integer.toString(request.dockerdTimeoutSeconds()));
        model.put("startupScript", STARTUP_SCRIPT);
        model.put("postStartCommand", request.nonRootUser() ? "sudo -n " + STARTUP_SCRIPT : STARTUP_SCRIPT);
        List<Map<String, Object>> labels = request.labels().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "value",
                        new TemplateValue(e.getValue(), "The project's image label " + e.getKey())))
                .toList();
        model.put("labels", labels);
        putPreload(model, request);
        putJava(model, request);
        putEditor(model, request);
        putRegistries(model, request);
        return model;
    }

    /** Where the preload Feature puts the saved images and its loader, inside the image. */
    static final String PRELOAD_FOLDER = "/usr/local/share/devcontainer/preload";

    /** The preload Feature (preloadImages): its list, where the images go in the image, and the loader. */
    private static void putPreload(Map<String, Object> model, GenerateRequest request) {
        model.put("preload", request.preload());
        model.put("preloadFolder", PRELOAD_FOLDER);
        model.put("preloadLoader", PRELOAD_FOLDER + "/load.sh");
        model.put("preloadImages", request.preloadImages().stream()
                .map(i -> Map.of("reference", new TemplateValue(i, setting("preloadImages")))).toList());
    }

    /** The JDK, Maven, the local repository volume, settings.xml and the CA certificates. */
    private static void putJava(Map<String, Object> model, GenerateRequest request) {
        JavaSetup java = request.java();
        Optional<JdkCatalog.Jdk> jdk = java.jdk().jdk();
        boolean apt = request.distro().packageManager() == PackageManager.APT;
        model.put("java", jdk.isPresent());
        model.put("javaVersion", jdk.map(j -> Integer.toString(j.version())).orElse(""));
        model.put("javaHome", jdk.map(JdkCatalog.Jdk::javaHome).orElse(""));
        model.put("maven", java.maven());
        model.put("remoteHome", request.remoteHome());
        String localRepository = request.remoteHome() + "/.m2/repository";
        boolean volume = java.localRepositoryVolume() && (jdk.isPresent() || java.maven());
        model.put("localRepository", localRepository);
        model.put("localRepositoryVolume", volume);
        model.put("mavenSettings", java.mavenSettings());
        model.put("offlineRepository", java.offlineRepository());
        model.put("payloadFeatures", java.offlineRepository() || request.preload());
        model.put("offlineRepositoryFolder", OFFLINE_REPOSITORY_FOLDER);
        model.put("offlineRepositoryCommand", OFFLINE_REPOSITORY_COMMAND);
        model.put("devcontainerFolder", new TemplateValue(request.devcontainerFolder(), setting("directory")));
        model.put("hasMounts", request.dockerVolume() || volume || java.mavenSettings());
        // devcontainer.json's own mounts; the /var/lib/docker volume is the dind Feature's
        model.put("hasProjectMounts", volume || java.mavenSettings());
        model.put("moreAfterDockerVolume", volume || java.mavenSettings());
        model.put("moreAfterLocalRepository", java.mavenSettings());
        model.put("caCertificates", !request.caCertificates().isEmpty());
        model.put("caFolder", CaCertificates.CONTEXT_FOLDER);
        model.put("caFingerprints", request.caCertificates().stream()
                .map(c -> Map.of("value", c.sha256Fingerprint())).toList());
        model.put("jdkLink", apt && jdk.isPresent());
        List<JdkCatalog.Jdk> toolchains = java.toolchains();
        model.put("toolchains", IntStream.range(0, toolchains.size())
                .mapToObj(i -> Map.of("version", Integer.toString(toolchains.get(i).version()),
                        "javaHome", toolchains.get(i).javaHome(), "more", i < toolchains.size() - 1))
                .toList());
        model.put("moreToolchains", toolchains.stream().skip(1)
                .map(j -> Map.of("version", Integer.toString(j.version()), "javaHome", j.javaHome())).toList());
        model.put("severalJdks", toolchains.size() > 1);
        model.put("toolchainsAsked", java.toolchainsAsked());
    }

    /**
     * The inner dockerd's registry mirrors and insecure registries, each list comma-separated as
     * startup.sh reads it (DOCKERD_REGISTRY_MIRRORS, DOCKERD_INSECURE_REGISTRIES); the request keeps
     * commas, spaces and quotes out of every entry.
     */
    private static void putRegistries(Map<String, Object> model, GenerateRequest request) {
        List<String> mirrors = request.registries().mirrors();
        List<String> insecure = request.registries().insecure();
        model.put("hasRegistryMirrors", !mirrors.isEmpty());
        model.put("registryMirrors", new TemplateValue(String.join(",", mirrors), setting("registryMirrors")));
        model.put("hasInsecureRegistries", !insecure.isEmpty());
        model.put("insecureRegistries", new TemplateValue(String.join(",", insecure), setting("insecureRegistries")));
    }

    /**
     * customizations.vscode.extensions, customizations.jetbrains (left out where no JetBrains backend
     * runs: Alpine) and forwardPorts.
     */
    private static void putEditor(Map<String, Object> model, GenerateRequest request) {
        List<String> extensions = request.editor().extensions();
        model.put("hasExtensions", !extensions.isEmpty());
        model.put("extensions", IntStream.range(0, extensions.size())
                .mapToObj(i -> Map.of("id", new TemplateValue(extensions.get(i), setting("extensions")), "more", i < extensions.size() - 1))
                .toList());
        model.put("jetbrains", request.distro().jetbrainsBackend());
        model.put("jetbrainsBackend", GenerateRequest.JETBRAINS_BACKEND);
        List<String> plugins = request.editor().jetbrainsPlugins();
        model.put("hasJetbrainsPlugins", !plugins.isEmpty());
        model.put("jetbrainsPlugins", IntStream.range(0, plugins.size())
                .mapToObj(i -> Map.of("id", new TemplateValue(plugins.get(i), setting("jetbrainsPlugins")),
                        "more", i < plugins.size() - 1))
                .toList());
        List<String> ports = request.editor().forwardPorts();
        model.put("hasForwardPorts", !ports.isEmpty());
        // validated by the request: digits, or [a-z0-9-]+:digits, so the JSON literal needs no escaping
        model.put("forwardPorts", IntStream.range(0, ports.size())
                .mapToObj(i -> Map.of("json", ports.get(i).matches("[0-9]+") ? ports.get(i) : "\"" + ports.get(i) + "\"",
                        "more", i < ports.size() - 1))
                .toList());
    }
}
