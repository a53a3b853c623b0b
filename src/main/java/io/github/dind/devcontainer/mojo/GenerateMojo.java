package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.generate.BasePins;
import io.github.dind.devcontainer.generate.Generator;
import io.github.dind.devcontainer.image.BaseImageDigests;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.InvalidRequestException;
import io.github.dind.devcontainer.DevcontainerException;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes a Docker-in-Docker devcontainer into the project: {@code Dockerfile}, {@code startup.sh}
 * and {@code devcontainer.json}. Files you edited are kept (use {@code force} to replace them, with
 * a backup); an unchanged file is not touched.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractDevcontainerMojo {
    /**
     * The devcontainer's name, shown by VS Code; default the top-level project's name. (The image's
     * title label is always that project's name.)
     */
    @Parameter(property = PropertyNames.NAME)
    private String name;

    /** The distribution: wolfi, alpine, debian or ubuntu. */
    @Parameter(property = PropertyNames.DISTRO, defaultValue = "wolfi")
    private String distro;

    /** An image to build from instead of the distribution's default (it must be of that distribution). */
    @Parameter(property = PropertyNames.BASE_IMAGE)
    private String baseImage;

    /** More packages to install, in the distribution's package manager's names. */
    @Parameter(property = PropertyNames.PACKAGES)
    private List<String> packages;

    /**
     * The user devcontainer clients connect as. {@code root} by default; any other name creates
     * that user, in the docker group, allowed to restart dockerd through a narrow sudo rule.
     */
    @Parameter(property = PropertyNames.REMOTE_USER, defaultValue = GenerateRequest.ROOT)
    private String remoteUser;

    /**
     * Mount a volume at {@code /var/lib/docker}: the inner daemon's default storage (overlay2, or
     * Docker 29's containerd image store) works on it, and its images survive a rebuild of the
     * devcontainer. Without it startup.sh picks fuse-overlayfs, which is slower.
     */
    @Parameter(property = PropertyNames.DOCKER_VOLUME, defaultValue = "true")
    private boolean dockerVolume;

    /** Seconds startup.sh waits for dockerd to answer (the image's default for DOCKERD_TIMEOUT). */
    @Parameter(property = PropertyNames.DOCKERD_TIMEOUT, defaultValue = "30")
    private int dockerdTimeout;

    /**
     * A directory of your own templates ({@code Dockerfile.mustache}, {@code startup.sh.mustache},
     * {@code devcontainer.json.mustache}); each one found replaces the bundled template.
     */
    @Parameter(property = PropertyNames.TEMPLATE_DIRECTORY)
    private File templateDirectory;

    /**
     * The JDK to install: a version such as {@code 21}, or {@code none}. Default: the highest Java
     * version the reactor's projects compile for ({@code maven.compiler.release}, else the compiler
     * plugin's {@code release} or {@code target}; else the Java Maven runs on), or the nearest newer
     * JDK the distribution ships.
     */
    @Parameter(property = PropertyNames.JAVA_VERSION)
    private String javaVersion;

    /**
     * More JDKs, by feature version (e.g. {@code 17,25}), to install beside the default one and list
     * in the remote user's {@code ~/.m2/toolchains.xml}. Those the reactor's toolchain requirements
     * ({@code maven-toolchains-plugin}, a plugin's {@code jdkToolchain}) need are added without it.
     */
    @Parameter(property = PropertyNames.TOOLCHAINS)
    private List<String> toolchains;

    /** {@code distro}: the distribution's Maven; {@code none}: no Maven (a project with ./mvnw needs none). */
    @Parameter(property = PropertyNames.MAVEN, defaultValue = GenerateRequest.MAVEN_DISTRO)
    private String maven;

    /** A named volume per devcontainer at the remote user's {@code ~/.m2/repository}: downloads survive rebuilds. */
    @Parameter(property = PropertyNames.LOCAL_REPOSITORY_VOLUME, defaultValue = "true")
    private boolean localRepositoryVolume;

    /** Mount the host's {@code ~/.m2/settings.xml} read-only (mirrors, proxies); the file must exist on every host. */
    @Parameter(property = PropertyNames.MAVEN_SETTINGS, defaultValue = "false")
    private boolean mavenSettings;

    /**
     * Give the devcontainer an offline-ready Maven repository: the local Feature
     * {@code offline-repository}, whose payload {@code build} fills by building the reactor once in
     * the image (online, tests not run) and which every client's first start copies into the remote
     * user's {@code ~/.m2/repository}, so {@code mvn -o} works inside before the network does.
     */
    @Parameter(property = PropertyNames.OFFLINE_REPOSITORY, defaultValue = "false")
    private boolean offlineRepository;

    /**
     * CA certificates to trust inside (PEM files, or folders of {@code *.crt}/{@code *.pem}): copied
     * into the build context and added to the system store, Java's cacerts and so the inner dockerd's trust.
     */
    @Parameter(property = PropertyNames.CA_CERTIFICATES)
    private List<File> caCertificates;

    /** More VS Code extensions, beside the Java extension pack and the container tools, e.g. {@code redhat.vscode-xml}. */
    @Parameter(property = PropertyNames.EXTENSIONS)
    private List<String> extensions;

    /**
     * JetBrains plugins to install into the IDE backend inside (IntelliJ IDEA's), by JetBrains Marketplace
     * plugin id, e.g. {@code org.intellij.plugins.hcl}; none by default (Java, Maven and Docker support
     * are bundled). Not written on alpine, which JetBrains IDEs cannot open.
     */
    @Parameter(property = PropertyNames.JETBRAINS_PLUGINS)
    private List<String> jetbrainsPlugins;

    /** Ports to forward: a number, or {@code host:port}. */
    @Parameter(property = PropertyNames.FORWARD_PORTS)
    private List<String> forwardPorts;

    /**
     * Registry mirrors for the inner dockerd: {@code http://} or {@code https://} URLs (dockerd's
     * {@code registry-mirrors}), tried in order before Docker Hub. They apply to Docker Hub images
     * only ({@code alpine}, {@code testcontainers/ryuk}), never to an image named with its registry.
     * The image carries them as {@code DOCKERD_REGISTRY_MIRRORS}; an {@code /etc/docker/daemon.json}
     * that sets {@code registry-mirrors} wins.
     */
    @Parameter(property = PropertyNames.REGISTRY_MIRRORS)
    private List<String> registryMirrors;

    /**
     * Registries the inner dockerd may reach over plain HTTP or TLS it cannot verify: {@code host[:port]}
     * or a CIDR (dockerd's {@code insecure-registries}). The image carries them as
     * {@code DOCKERD_INSECURE_REGISTRIES}; an {@code /etc/docker/daemon.json} that sets
     * {@code insecure-registries} wins.
     */
    @Parameter(property = PropertyNames.INSECURE_REGISTRIES)
    private List<String> insecureRegistries;

    /**
     * Images the inner Docker daemon gets without a registry, e.g. {@code testcontainers/ryuk:0.12.0,postgres:16}:
     * generate writes the local Feature {@code preload/} listing them, {@code build} saves each from the
     * host's engine into it, and the devcontainer loads them into its inner daemon on first start.
     */
    @Parameter(property = PropertyNames.PRELOAD_IMAGES)
    private List<String> preloadImages;

    /** Replace files that were edited or not written by the plugin; each is backed up first. */
    @Parameter(property = PropertyNames.FORCE, defaultValue = "false")
    private boolean force;

    /**
     * An image CI builds and pushes (e.g. {@code registry.example.com/team/app-devcontainer:latest}):
     * {@code devcontainer.json} then opens it by name, its {@code devcontainer.metadata} label carrying
     * the rest, and the build-based devcontainer.json moves to {@code build/devcontainer.json}.
     */
    @Parameter(property = PropertyNames.PREBUILT_IMAGE)
    private String prebuiltImage;

    /**
     * Write the base image by digest next to its tag, {@code FROM name:tag@sha256:...} (the digest
     * wins): every build of the same commit starts from the same image. The digest is the one the
     * registry gives for the tag (with the logins push uses), else the local engine's RepoDigests of
     * it; when neither can be had the tag stays unpinned, with a warning. A pin stays until
     * {@code updatePins} or an update bot changes it. A {@code baseImage} with a digest is written as given.
     */
    @Parameter(property = PropertyNames.PIN_BASE_IMAGE, defaultValue = "true")
    private boolean pinBaseImage;

    /**
     * Resolve the base image's tag again and write the new digest into the Dockerfile's FROM, logging
     * {@code old → new} (or {@code unchanged}); fails when the registry cannot be asked.
     */
    @Parameter(property = PropertyNames.UPDATE_PINS, defaultValue = "false")
    private boolean updatePins;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.GENERATE_SKIP, defaultValue = "false")
    private boolean skipGenerate;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    List<SkipFlag> goalSkipFlags() {
        return List.of(new SkipFlag(PropertyNames.GENERATE_SKIP, skipGenerate));
    }

    /** The folder, plus the distro: a module that asks for another distro would make a second devcontainer. */
    @Override
    Map<String, String> identifyingSettings() {
        Map<String, String> settings = super.identifyingSettings();
        settings.put("distro", distro);
        return settings;
    }

    @Override
    void run() throws DevcontainerException {
        Reactor reactor = reactor();
        if (reactor != null && !reactor.complete()) {
            String message = "Not generating " + directory() + ": the devcontainer serves the whole reactor of "
                    + owner().getArtifactId() + " (" + reactor.ownerFolder() + "), which this build does not load in"
                    + " full (-pl, -rf, -f, -N or a build started in a module folder), so the Java versions and"
                    + " toolchains of its modules are unknown here. Run mvn devcontainer:generate in \""
                    + reactor.ownerFolder() + "\".";
            if (fromCommandLine()) {
                getLog().warn(message);
            } else {
                getLog().info(message);
            }
            return;
        }
        BaseImageDigests digests = BaseImageDigests.of(credentials(), System.getenv(), BaseImageDigests.engine(null),
                offline(), console());
        BasePins pins = tagged -> {
            try {
                BaseImageDigests.Resolved resolved = digests.resolve(tagged);
                return new BasePins.Pin(resolved.digest(), resolved.source());
            } catch (BaseImageDigests.Unresolved e) {
                throw new BasePins.Unavailable(e.getMessage(), e);
            }
        };
        new Generator(console()).generate(request(), new Generator.Options(directory().toPath(),
                templateDirectory == null ? null : templateDirectory.toPath(), prebuiltImage, force, pinBaseImage,
                updatePins, pins));
    }

    /**
     * The generated folder relative to the top-level project's folder, the workspace folder a client
     * opens; the spec's {@code .devcontainer} when it lies elsewhere (clients would not find it there).
     */
    private String devcontainerFolder() {
        java.nio.file.Path workspace = owner().getBasedir().toPath().toAbsolutePath().normalize();
        java.nio.file.Path folder = directory().toPath().toAbsolutePath().normalize();
        if (!folder.startsWith(workspace) || folder.equals(workspace)) {
            return GenerateRequest.DEFAULT_DEVCONTAINER_FOLDER;
        }
        return workspace.relativize(folder).toString().replace(java.io.File.separatorChar, '/');
    }

    private GenerateRequest request() throws InvalidRequestException {
        List<MavenProject> served = reactor() != null ? reactor().served() : List.of(project);
        GenerateRequest.Builder builder = GenerateRequest.builder()
                .name(name != null ? name : owner().getName())
                .distro(distro)
                .baseImage(baseImage)
                .packages(packages)
                .remoteUser(remoteUser)
                .dockerVolume(dockerVolume)
                .dockerdTimeoutSeconds(dockerdTimeout)
                .javaVersion(javaVersion)
                .projectJava(ProjectJavaVersion.highest(served))
                .toolchains(toolchains)
                .toolchainRequirements(ToolchainRequirements.of(served))
                .maven(maven)
                .localRepositoryVolume(localRepositoryVolume)
                .mavenSettings(mavenSettings)
                .offlineRepository(offlineRepository)
                .devcontainerFolder(devcontainerFolder())
                .caCertificates(caCertificates == null ? List.of() : caCertificates.stream().map(File::toPath).toList())
                .extensions(extensions)
                .jetbrainsPlugins(jetbrainsPlugins)
                .forwardPorts(forwardPorts)
                .registryMirrors(registryMirrors)
                .insecureRegistries(insecureRegistries)
                .preloadImages(preloadImages);
        ProjectLabels.forDockerfile(owner()).forEach(builder::label);
        return builder.build();
    }
}
