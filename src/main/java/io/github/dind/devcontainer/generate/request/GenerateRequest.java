package io.github.dind.devcontainer.generate.request;

import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the user asked for, validated once. Every value in here is safe to hand to the renderer:
 * values with a grammar (image, packages, user) match it, free text (name, labels) holds no control
 * characters and is escaped per output format when rendered.
 *
 * <p>Its length is the builder: one setter per parameter, each documented, and the one validation
 * pass that reports every broken rule at once; the Java part is {@link JavaSetup}, the rules {@link
 * RequestRules}.
 */
public record GenerateRequest(
        String name,
        Distro distro,
        ImageReference baseImage,
        List<String> packages,
        String remoteUser,
        boolean dockerVolume,
        int dockerdTimeoutSeconds,
        Map<String, String> labels,
        JavaSetup java,
        List<CaCertificates.CaCertificate> caCertificates,
        EditorSetup editor,
        String devcontainerFolder,
        InnerRegistries registries,
        List<String> preloadImages) {

    public static final String ROOT = "root";
    /** Where clients look for devcontainer.json first, relative to the workspace folder (the spec's default). */
    public static final String DEFAULT_DEVCONTAINER_FOLDER = ".devcontainer";
    public static final int DEFAULT_DOCKERD_TIMEOUT_SECONDS = 30;
    static final int MAX_DOCKERD_TIMEOUT_SECONDS = 600;
    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** {@code maven}: the distribution's Maven package, or none. */
    public static final String MAVEN_DISTRO = "distro";
    public static final String MAVEN_NONE = "none";

    /**
     * The Java extension pack and the container tools extension (the successor of
     * ms-azuretools.vscode-docker): what the devcontainers java image adds, plus Docker for a
     * Docker-in-Docker container.
     */
    public static final List<String> DEFAULT_EXTENSIONS = List.of("vscjava.vscode-java-pack",
            "ms-azuretools.vscode-containers");

    /**
     * {@code customizations.jetbrains.backend}: the JetBrains IDE whose backend starts inside, named as
     * JetBrains' "Add a specific IDE backend" does ({@code "backend": "<IDE-name>"}, "for example,
     * IntelliJ"; Dev Containers, "Customizing various Dev Container settings",
     * https://www.jetbrains.com/help/idea/customizing-devcontainer-json-file.html). IntelliJ IDEA for
     * a Maven project; its Java, Maven and Docker support is bundled, so no plugin is added by default.
     */
    public static final String JETBRAINS_BACKEND = "IntelliJ";

    public GenerateRequest {
        packages = List.copyOf(packages);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        caCertificates = List.copyOf(caCertificates);
        registries = registries == null ? InnerRegistries.none() : registries;
        preloadImages = List.copyOf(preloadImages);
    }

    /** This request with another base image (the same repository pinned by digest, as generate writes it). */
    public GenerateRequest withBaseImage(ImageReference image) {
        return new GenerateRequest(name, distro, image, packages, remoteUser, dockerVolume, dockerdTimeoutSeconds, labels,
                java, caCertificates, editor, devcontainerFolder, registries, preloadImages);
    }

    /** Whether the preload Feature is written: some image to preload was asked for. */
    public boolean preload() {
        return !preloadImages.isEmpty();
    }

    public boolean nonRootUser() {
        return !ROOT.equals(remoteUser);
    }

    /** The remote user's home directory: {@code /root}, or {@code /home/NAME} as useradd/adduser make it. */
    public String remoteHome() {
        return nonRootUser() ? "/home/" + remoteUser : "/root";
    }

    /**
     * What devcontainer.json tells the editors: VS Code extensions and JetBrains plugins to install
     * (Marketplace ids), and ports to forward.
     */
    public record EditorSetup(List<String> extensions, List<String> jetbrainsPlugins, List<String> forwardPorts) {
        public EditorSetup {
            extensions = List.copyOf(extensions);
            jetbrainsPlugins = List.copyOf(jetbrainsPlugins);
            forwardPorts = List.copyOf(forwardPorts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the raw parameters and checks them all at once, so one run reports every problem. */
    public static final class Builder {
        private String name;
        private String distro = Distro.WOLFI.id();
        private String baseImage;
        private List<String> extraPackages = List.of();
        private String remoteUser = ROOT;
        private boolean dockerVolume = true;
        private int dockerdTimeoutSeconds = DEFAULT_DOCKERD_TIMEOUT_SECONDS;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String javaVersion;
        private JavaToolchain.ProjectJava projectJava;
        private List<String> toolchains = List.of();
        private List<JavaToolchain.Requirement> toolchainRequirements = List.of();
        private String maven = MAVEN_DISTRO;
        private boolean localRepositoryVolume = true;
        private boolean mavenSettings;
        private boolean offlineRepository;
        private List<Path> caCertificates = List.of();
        private List<String> extensions = List.of();
        private List<String> jetbrainsPlugins = List.of();
        private List<String> forwardPorts = List.of();
        private String devcontainerFolder = DEFAULT_DEVCONTAINER_FOLDER;
        private List<String> registryMirrors = List.of();
        private List<String> insecureRegistries = List.of();
        private List<String> preloadImages = List.of();

        private Builder() {
        }

        /**
         * The generated folder's path relative to the workspace folder a client opens, with
         * {@code /} separators (default {@code .devcontainer}); host-side commands name their scripts by it.
         */
        public Builder devcontainerFolder(String devcontainerFolder) {
            this.devcontainerFolder = devcontainerFolder == null || devcontainerFolder.isBlank()
                    ? DEFAULT_DEVCONTAINER_FOLDER : devcontainerFolder;
            return this;
        }

        /** The {@code javaVersion} parameter: null or blank follows the project, {@code none} installs no JDK. */
        public Builder javaVersion(String javaVersion) {
            this.javaVersion = javaVersion;
            return this;
        }

        /** The Java version the project compiles for, read from its pom; null when unknown. */
        public Builder projectJava(JavaToolchain.ProjectJava projectJava) {
            this.projectJava = projectJava;
            return this;
        }

        /** The {@code toolchains} parameter: more JDKs, by feature version, to install and list in toolchains.xml. */
        public Builder toolchains(List<String> toolchains) {
            this.toolchains = toolchains == null ? List.of() : toolchains.stream().map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            return this;
        }

        /** The JDKs the project's builds ask for through Maven toolchains; each must be met by an installed JDK. */
        public Builder toolchainRequirements(List<JavaToolchain.Requirement> requirements) {
            this.toolchainRequirements = requirements == null ? List.of() : List.copyOf(requirements);
            return this;
        }

        /** {@code distro} (default, also for null or blank) installs the distribution's Maven; {@code none} installs none. */
        public Builder maven(String maven) {
            this.maven = maven;
            return this;
        }

        /** A named volume per devcontainer at the remote user's {@code ~/.m2/repository} (default true). */
        public Builder localRepositoryVolume(boolean localRepositoryVolume) {
            this.localRepositoryVolume = localRepositoryVolume;
            return this;
        }

        /**
         * Mount the host's {@code ~/.m2/settings.xml} read-only (default false); an {@code initializeCommand}
         * creates an empty one on a host that has none, so the mount never fails.
         */
        public Builder mavenSettings(boolean mavenSettings) {
            this.mavenSettings = mavenSettings;
            return this;
        }

        /**
         * An offline-ready local repository in the image (default false): the {@code offline-repository}
         * Feature, whose payload {@code build} fills with what the reactor's build downloads.
         */
        public Builder offlineRepository(boolean offlineRepository) {
            this.offlineRepository = offlineRepository;
            return this;
        }

        /** PEM files or folders of them; read and checked in {@link #build()}. */
        public Builder caCertificates(List<Path> caCertificates) {
            this.caCertificates = caCertificates == null ? List.of() : caCertificates;
            return this;
        }

        /** More VS Code extensions, after the defaults ({@link #DEFAULT_EXTENSIONS}). */
        public Builder extensions(List<String> extensions) {
            this.extensions = extensions == null ? List.of() : extensions;
            return this;
        }

        /**
         * JetBrains plugins to install into the IDE backend inside ({@code customizations.jetbrains.plugins}):
         * JetBrains Marketplace plugin ids such as {@code org.intellij.plugins.hcl}; none by default.
         */
        public Builder jetbrainsPlugins(List<String> jetbrainsPlugins) {
            this.jetbrainsPlugins = jetbrainsPlugins == null ? List.of() : jetbrainsPlugins;
            return this;
        }

        /**
         * Images the inner daemon gets without a registry ({@code preloadImages}): references Docker
         * accepts ({@code debian:trixie}, {@code testcontainers/ryuk:0.12.0}); blanks are dropped,
         * repeats kept once.
         */
        public Builder preloadImages(List<String> preloadImages) {
            this.preloadImages = preloadImages == null ? List.of() : preloadImages;
            return this;
        }

        /** Ports to forward: a port number, or {@code service:port}. */
        public Builder forwardPorts(List<String> forwardPorts) {
            this.forwardPorts = forwardPorts == null ? List.of() : forwardPorts;
            return this;
        }

        /**
         * The inner dockerd's registry mirrors ({@code registryMirrors}): http(s) URLs, tried in order
         * for Docker Hub images only (dockerd's {@code registry-mirrors}); checked in {@link #build()}.
         */
        public Builder registryMirrors(List<String> registryMirrors) {
            this.registryMirrors = registryMirrors == null ? List.of() : registryMirrors;
            return this;
        }

        /**
         * Registries the inner dockerd reaches over plain HTTP or unverified TLS ({@code insecureRegistries}):
         * host[:port] or CIDR (dockerd's {@code insecure-registries}); checked in {@link #build()}.
         */
        public Builder insecureRegistries(List<String> insecureRegistries) {
            this.insecureRegistries = insecureRegistries == null ? List.of() : insecureRegistries;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder distro(String distro) {
            this.distro = distro;
            return this;
        }

        /** An image to build from instead of the distribution's default; null or blank keeps the default. */
        public Builder baseImage(String baseImage) {
            this.baseImage = baseImage;
            return this;
        }

        public Builder packages(List<String> extraPackages) {
            this.extraPackages = extraPackages == null ? List.of() : extraPackages;
            return this;
        }

        public Builder remoteUser(String remoteUser) {
            this.remoteUser = remoteUser;
            return this;
        }

        public Builder dockerVolume(boolean dockerVolume) {
            this.dockerVolume = dockerVolume;
            return this;
        }

        public Builder dockerdTimeoutSeconds(int seconds) {
            this.dockerdTimeoutSeconds = seconds;
            return this;
        }

        /**
         * An image label taken from the project (OCI annotations). Whitespace runs, newlines
         * included, become one space: a POM description spans lines, a label does not.
         * Null or blank values are left out.
         */
        public Builder label(String key, String value) {
            if (value != null && !value.isBlank()) {
                labels.put(key, WHITESPACE.matcher(value.strip()).replaceAll(" "));
            }
            return this;
        }

        public GenerateRequest build() throws InvalidRequestException {
            List<InvalidRequestException.Violation> problems = new ArrayList<>();

            Distro chosen = null;
            try {
                chosen = Distro.fromId(distro);
            } catch (IllegalArgumentException e) {
                problems.add(RequestRules.violation("distro", distro, e.getMessage()));
            }

            RequestRules.checkText("name", name, MAX_NAME_LENGTH, problems);
            if (name != null && name.contains("${")) {
                problems.add(RequestRules.violation("name", name, "free of \"${\": devcontainer clients would substitute it"
                        + " as a variable"));
            }

            ImageReference image = null;
            String imageText = baseImage == null || baseImage.isBlank() ? null : baseImage.strip();
            if (imageText == null && chosen != null) {
                imageText = chosen.defaultBaseImage();
            }
            if (imageText != null) {
                if (ImageReference.isValid(imageText)) {
                    image = ImageReference.parse(imageText);
                } else {
                    problems.add(RequestRules.violation("baseImage", imageText, ImageReference.RULE));
                }
            }

            RequestRules.checkUser(remoteUser, problems);

            List<String> allPackages = new ArrayList<>();
            if (chosen != null) {
                allPackages.addAll(chosen.packages());
                if (!ROOT.equals(remoteUser)) {
                    allPackages.addAll(Distro.NON_ROOT_PACKAGES);
                }
                for (String extra : extraPackages) {
                    if (chosen.packageManager().isValidPackage(extra)) {
                        allPackages.add(extra);
                    } else {
                        problems.add(RequestRules.violation("packages", extra, chosen.packageManager().packageRule()));
                    }
                }
            }

            if (dockerdTimeoutSeconds < 1 || dockerdTimeoutSeconds > MAX_DOCKERD_TIMEOUT_SECONDS) {
                problems.add(RequestRules.violation("dockerdTimeout", Integer.toString(dockerdTimeoutSeconds),
                        "between 1 and " + MAX_DOCKERD_TIMEOUT_SECONDS + " seconds"));
            }

            labels.forEach((key, value) -> RequestRules.checkText("label " + key, value, 1000, problems));

            JavaSetup java = chosen == null ? null : JavaSetup.of(chosen, javaVersion, projectJava, maven, toolchains,
                    toolchainRequirements, localRepositoryVolume, mavenSettings, offlineRepository, problems);
            if (java != null) {
                allPackages.addAll(java.packages(chosen));
            }

            List<CaCertificates.Problem> caProblems = new ArrayList<>();
            List<CaCertificates.CaCertificate> certificates = CaCertificates.read(caCertificates, caProblems);
            caProblems.forEach(p -> problems.add(RequestRules.violation("caCertificates", p.source(), p.rule())));
            if (!certificates.isEmpty() && chosen == Distro.WOLFI) {
                // wolfi-base has only ca-certificates-bundle; update-ca-certificates is in ca-certificates
                allPackages.add("ca-certificates");
            }

            RequestRules.checkExtensions(extensions, problems);
            RequestRules.checkJetbrainsPlugins(jetbrainsPlugins, problems);
            RequestRules.checkForwardPorts(forwardPorts, problems);
            InnerRegistries registries = InnerRegistries.of(registryMirrors, insecureRegistries, problems);
            List<String> preload = RequestRules.checkPreloadImages(preloadImages, problems);

            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return new GenerateRequest(name, chosen, image, new ArrayList<>(new LinkedHashSet<>(allPackages)),
                    remoteUser, dockerVolume, dockerdTimeoutSeconds, labels,
                    java, certificates,
                    new EditorSetup(new ArrayList<>(new LinkedHashSet<>(Stream.concat(
                            DEFAULT_EXTENSIONS.stream(), extensions.stream().map(String::strip)).toList())),
                            jetbrainsPlugins.stream().map(String::strip).distinct().toList(),
                            forwardPorts.stream().map(String::strip).toList()), devcontainerFolder, registries, preload);
        }
    }
}
