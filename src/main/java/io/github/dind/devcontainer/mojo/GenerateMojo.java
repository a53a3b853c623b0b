package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.render.CaCertificateFiles;
import io.github.dind.devcontainer.render.GeneratedFile;
import io.github.dind.devcontainer.render.PrebuiltImageFiles;
import io.github.dind.devcontainer.spec.ImageReference;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.render.ProjectFiles;
import io.github.dind.devcontainer.render.ProjectFilesException;
import io.github.dind.devcontainer.render.Renderer;
import io.github.dind.devcontainer.spec.DevcontainerSpec;
import io.github.dind.devcontainer.spec.InvalidSpecException;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Setting;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
    @Parameter(property = PropertyNames.REMOTE_USER, defaultValue = DevcontainerSpec.ROOT)
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
    @Parameter(property = PropertyNames.MAVEN, defaultValue = DevcontainerSpec.MAVEN_DISTRO)
    private String maven;

    /** A named volume per devcontainer at the remote user's {@code ~/.m2/repository}: downloads survive rebuilds. */
    @Parameter(property = PropertyNames.LOCAL_REPOSITORY_VOLUME, defaultValue = "true")
    private boolean localRepositoryVolume;

    /** Mount the host's {@code ~/.m2/settings.xml} read-only (mirrors, proxies); the file must exist on every host. */
    @Parameter(property = PropertyNames.MAVEN_SETTINGS, defaultValue = "false")
    private boolean mavenSettings;

    /**
     * CA certificates to trust inside (PEM files, or folders of {@code *.crt}/{@code *.pem}): copied
     * into the build context and added to the system store, Java's cacerts and so the inner dockerd's trust.
     */
    @Parameter(property = PropertyNames.CA_CERTIFICATES)
    private List<File> caCertificates;

    /** More VS Code extensions, beside the Java extension pack and the container tools, e.g. {@code redhat.vscode-xml}. */
    @Parameter(property = PropertyNames.EXTENSIONS)
    private List<String> extensions;

    /** Ports to forward: a number, or {@code host:port}. */
    @Parameter(property = PropertyNames.FORWARD_PORTS)
    private List<String> forwardPorts;

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
        if (reactor != null && !reactor.ownerInBuild()) {
            String message = "Not generating " + directory() + ": the devcontainer belongs to the whole reactor, whose"
                    + " top-level project " + owner().getArtifactId() + " (" + reactor.ownerFolder() + ") this build"
                    + " leaves out (-pl, -rf, -f or a build started in a module folder), so the Java versions and"
                    + " toolchains of its other modules are unknown here. Run mvn devcontainer:generate in "
                    + reactor.ownerFolder() + ".";
            if (fromCommandLine()) {
                getLog().warn(message);
            } else {
                getLog().info(message);
            }
            return;
        }
        DevcontainerSpec spec = spec();
        Renderer renderer = new Renderer(templateDirectory == null ? null : templateDirectory.toPath());
        renderer.overriddenTemplates().forEach(t -> getLog().info("Using your template " + t + " from " + templateDirectory));
        List<GeneratedFile> files = renderer.render(spec);
        if (prebuiltImage != null && !prebuiltImage.isBlank()) {
            String image = prebuiltImage.strip();
            if (!ImageReference.isValid(image)) {
                throw new InvalidSettingException("prebuiltImage", image, "must be " + ImageReference.RULE);
            }
            files = PrebuiltImageFiles.apply(files, image, spec.name());
            getLog().info("devcontainer.json opens the prebuilt image " + image + "; "
                    + PrebuiltImageFiles.BUILD_CONFIG + " builds it locally");
        }
        getLog().info("Devcontainer " + spec.distro().id() + " (" + spec.baseImage() + ") in " + directory());
        getLog().info("Java: " + spec.java().jdk().reason() + (spec.java().maven() ? "; Maven from " + spec.distro().id()
                : spec.java().jdk().jdk().isPresent() ? "; no Maven (maven=none)" : "; no Maven either (it comes with a JDK)"));
        if (spec.java().toolchains().size() > 1) {
            getLog().info("Toolchains: JDK " + spec.java().toolchains().stream().map(j -> Integer.toString(j.version()))
                    .collect(Collectors.joining(", ")) + " in ~/.m2/toolchains.xml");
        }
        report(new ProjectFiles(directory().toPath()).write(files, force));
        try {
            new CaCertificateFiles(directory().toPath()).sync(spec.caCertificates())
                    .forEach(change -> getLog().info("  " + change));
        } catch (IOException e) {
            throw new ProjectFilesException("Cannot write the CA certificates into " + directory() + " ("
                    + Setting.ref("directory") + "): " + e, e);
        }
    }

    private DevcontainerSpec spec() throws InvalidSpecException {
        List<MavenProject> served = reactor() != null ? reactor().served() : List.of(project);
        DevcontainerSpec.Builder builder = DevcontainerSpec.builder()
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
                .caCertificates(caCertificates == null ? List.of() : caCertificates.stream().map(File::toPath).toList())
                .extensions(extensions)
                .forwardPorts(forwardPorts);
        ProjectLabels.forDockerfile(owner()).forEach(builder::label);
        return builder.build();
    }

    private void report(List<ProjectFiles.Outcome> outcomes) {
        for (ProjectFiles.Outcome outcome : outcomes) {
            String file = outcome.path().getFileName().toString();
            if (outcome.action().kept()) {
                getLog().warn("Kept " + outcome.path() + " (" + outcome.action().description() + "). Run with "
                        + text(Setting.assign("force", "true")) + " to replace it; a backup is kept.");
            } else if (outcome.backup() != null) {
                getLog().warn(String.format(Locale.ROOT, "  %-17s %s, your version is in %s", file,
                        outcome.action().description(), outcome.backup().getFileName()));
            } else {
                getLog().info(String.format(Locale.ROOT, "  %-17s %s", file, outcome.action().description()));
            }
        }
    }
}
