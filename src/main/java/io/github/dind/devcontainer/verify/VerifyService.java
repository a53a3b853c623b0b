package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.docker.Container;
import io.github.dind.devcontainer.docker.ContainerEngine;
import io.github.dind.devcontainer.docker.ImageNotFoundException;
import io.github.dind.devcontainer.spec.ClientLaunch;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.spec.ImageConfig;
import io.github.dind.devcontainer.spec.JavaExpectations;
import io.github.dind.devcontainer.spec.ImageMetadata;
import io.github.dind.devcontainer.spec.LaunchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The verify goal without Maven: reads devcontainer.json, picks the checks, boots the image as a
 * client does {@code repeat} times (each boot its own container), runs the checks, writes a JUnit
 * report per boot, and decides the verdict. Leftovers of runs killed outright are swept in the
 * background meanwhile (once per call), also when a stored verdict is reused.
 */
public final class VerifyService {
    /**
     * What to verify.
     *
     * @param configFile the devcontainer.json; null or absent means the plugin's own defaults
     * @param only check ids to run; empty runs all
     * @param namePrefix the container names' prefix (lower-case, docker name characters)
     * @param keep leave the last boot's container running, labelled as kept
     * @param reuse where passing verdicts are kept and whether one may stand for this run; null: always run
     */
    public record Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
            CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
            ProjectBuild projectBuild, VerdictReuse reuse) {
        /** Without a stored verdict. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
                ProjectBuild projectBuild) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, projectBuild, null);
        }

        /** Without project-build and without a stored verdict. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, null, null);
        }

        Path reportFile(int boot) {
            return reportDirectory.resolve(repeat == 1 ? "TEST-devcontainer-verify.xml" : "TEST-devcontainer-verify-" + boot + ".xml");
        }
    }

    /**
     * The opt-in project-build check: the project's folder on the host (bind-mounted at
     * {@code /workspaces/<its name>}, where clients put it), the command, its time budget.
     */
    public record ProjectBuild(Path projectDirectory, String command, Duration timeout) {
        /** Where clients mount the workspace. */
        public String workspace() {
            return "/workspaces/" + projectDirectory.getFileName();
        }
    }

    /** Labels of the lasting local repository volume: what it is, and which project it serves. */
    public static final String CACHE_LABEL = "io.github.dind.devcontainer.cache";
    public static final String PROJECT_LABEL = "io.github.dind.devcontainer.project";

    private final Console console;
    private final ReportOutput output;

    public VerifyService(Console console) {
        this.console = console;
        this.output = new ReportOutput(console);
    }

    /**
     * @return every boot's report, all passed; empty when a stored passing verdict was reused
     * @throws VerificationFailedException when a check failed in any boot ({@link DevcontainerException#isFailure()})
     * @throws InvalidSettingException when repeat, a timeout or only is out of bounds
     * @throws VerificationException when devcontainer.json cannot be read, the image is missing, or a report cannot be written
     * @throws DevcontainerException when the daemon would not start the container
     */
    public List<VerificationReport> verify(Request request, ContainerEngine engine) throws DevcontainerException {
        validate(request);
        ImageConfig image = imageConfig(request.image(), engine);
        LaunchSettings settings = settings(request.configFile(), image);
        JavaExpectations java = javaExpectations(request.configFile());
        ProjectBuild build = request.projectBuild();
        List<Check> checks;
        try {
            checks = CheckCatalog.checks(settings, request.commands(), request.timeouts(), request.only(), java,
                    build == null ? null : new CheckCatalog.ProjectBuild(build.workspace(), build.command(), build.timeout()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("only", String.join(",", request.only()), e.getMessage());
        }
        boolean projectBuildRuns = runs(checks, ProjectBuildCheck.ID);
        ClientLaunch launch = ClientLaunch.of(request.image(), settings, image)
                .withVerifyMounts(verifyMounts(projectBuildRuns ? build : null, java));
        launch.warnings().forEach(console::warn);
        // what runs killed outright left behind, swept alongside: the verdict's key, or the first boot
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(engine::sweepLeftovers);
        try {
            VerdictKey key = request.reuse() == null ? null : request.reuse().key(request, projectBuildRuns, image.id(),
                    settings + "\n" + launch.dockerRunArgs(),
                    checks.stream().map(Check::id).toList() + "\n" + request.commands() + "\n"
                            + new TreeSet<>(request.only()) + "\n" + request.timeouts() + "\n" + java,
                    engine, launch.network(), console);
            output.removeOldReports(request.reportDirectory());
            if (key != null && request.reuse().reused(key, request.image(), request.reportFile(1), console)) {
                return List.of();
            }
            console.info("Verifying " + request.image() + " at " + engine.host() + " as a devcontainer client starts it: "
                    + launch.describe());
            List<VerificationReport> reports = boot(request, launch, checks, engine);
            if (key != null) {
                request.reuse().passed(key, request.image(), request.reportFile(1), console);
            }
            return reports;
        } finally {
            sweep.join();
        }
    }

    /**
     * Boots the image {@code repeat} times, each with all checks, and writes a report per boot.
     *
     * @return every boot's report, all passed
     * @throws VerificationFailedException when a check failed in any boot (the stored pass is forgotten)
     * @throws DevcontainerException when a container would not start (the stored pass is forgotten too)
     */
    private List<VerificationReport> boot(Request request, ClientLaunch launch, List<Check> checks, ContainerEngine engine)
            throws DevcontainerException {
        List<VerificationReport> reports = new ArrayList<>();
        try {
            for (int boot = 1; boot <= request.repeat(); boot++) {
                if (request.repeat() > 1) {
                    console.info("Boot " + boot + " of " + request.repeat());
                }
                try (Container container = engine.launch(launch, request.namePrefix(), request.keep() && boot == request.repeat())) {
                    console.info("Started " + container.name() + " (" + container.id().substring(0, 12) + ") from "
                            + request.image());
                    VerificationReport report = new Verifier(checks, console).verify(request.image(), container,
                            container.name());
                    reports.add(report);
                    output.show(report);
                    output.write(report, request.reportFile(boot));
                }
            }
        } catch (DevcontainerException | RuntimeException e) {
            // the container would not start, or a boot broke off: no earlier pass may stand for the next run
            if (request.reuse() != null) {
                request.reuse().failed(console);
            }
            throw e;
        }
        if (request.repeat() > 1) {
            console.info("Boots: " + RepeatSummary.of(reports).describe());
        }
        List<VerificationReport> failed = reports.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            if (request.reuse() != null) {
                request.reuse().failed(console);
            }
            throw new VerificationFailedException(ReportOutput.failureMessage(failed, reports.size()), reports);
        }
        return reports;
    }

    private static void validate(Request request) throws InvalidSettingException {
        if (request.repeat() < 1) {
            throw new InvalidSettingException("repeat", request.repeat(), "must be at least 1");
        }
        CheckCatalog.Timeouts t = request.timeouts();
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        timeouts.put("readyTimeout", t.ready());
        timeouts.put("checkTimeout", t.check());
        timeouts.put("stopGracePeriod", t.stopGracePeriod());
        for (Map.Entry<String, Duration> e : timeouts.entrySet()) {
            if (e.getValue().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new InvalidSettingException(e.getKey(), e.getValue().toSeconds(), "must be at least 1 (seconds)");
            }
        }
    }

    /**
     * What a client acts on. A devcontainer.json that names an image (no build) is merged with the
     * image's {@link ImageMetadata#LABEL} label, as the devcontainer CLI does; one that builds is read
     * alone (a client builds its own image and reads no label of ours). Without a devcontainer.json,
     * the label stands in for {@code {"image": ...}}, else the plugin's own devcontainer.json.
     */
    private LaunchSettings settings(Path configFile, ImageConfig image) throws VerificationException {
        String label = image.labels().get(ImageMetadata.LABEL);
        try {
            if (configFile == null || !Files.isRegularFile(configFile)) {
                if (label != null) {
                    console.info("No " + configFile + ": starting the container as a client given only the image does,"
                            + " from its " + ImageMetadata.LABEL + " label");
                    return LaunchSettings.parse(ImageMetadata.merge(ImageMetadata.entries(label), "{}",
                            "the image's label"), "the image's " + ImageMetadata.LABEL + " label");
                }
                console.info("No " + configFile + ": starting the container as the plugin's own devcontainer.json would");
                return PluginDefaults.launchSettings();
            }
            String text = Files.readString(configFile);
            if (label != null && ImageMetadata.isImageBased(text, configFile.toString())) {
                console.info(configFile + " names an image: merged with the image's " + ImageMetadata.LABEL + " label");
                return LaunchSettings.parse(ImageMetadata.merge(ImageMetadata.entries(label), text, configFile.toString()),
                        configFile + " merged with the image's label");
            }
            return LaunchSettings.parse(text, configFile.toString());
        } catch (IOException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    private JavaExpectations javaExpectations(Path configFile) throws VerificationException {
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return JavaExpectations.none();
        }
        try {
            return JavaExpectations.read(configFile);
        } catch (IOException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    /** Whether the check with this id is among those that run ({@code only} may leave it out). */
    static boolean runs(List<Check> checks, String id) {
        return checks.stream().anyMatch(c -> c.id().equals(id));
    }

    /**
     * project-build's mounts: the project at its workspace folder, and a lasting local repository
     * volume; none when project-build does not run (a volume create and a mount saved).
     */
    private List<ClientLaunch.VerifyMount> verifyMounts(ProjectBuild build, JavaExpectations java) {
        if (build == null) {
            return List.of();
        }
        List<ClientLaunch.VerifyMount> mounts = new ArrayList<>();
        String project = build.projectDirectory().toString();
        mounts.add(new ClientLaunch.VerifyMount(true, project, build.workspace(), Map.of()));
        java.localRepository().ifPresent(target -> {
            String volume = localRepositoryVolume(project);
            console.info("Maven's local repository for project-build: volume " + volume + ", kept between runs"
                    + " (remove it with: docker volume rm " + volume + ")");
            mounts.add(new ClientLaunch.VerifyMount(false, volume, target, Map.of(CACHE_LABEL, "m2", PROJECT_LABEL, project)));
        });
        return mounts;
    }

    /** {@code devcontainer-m2-verify-} and 12 hex digits of the SHA-256 of the project's path: one per project. */
    static String localRepositoryVolume(String projectDirectory) {
        return "devcontainer-m2-verify-" + Sha256.hex(projectDirectory).substring(0, 12);
    }

    private static ImageConfig imageConfig(String image, ContainerEngine engine) throws DevcontainerException {
        try {
            return engine.inspectImage(image);
        } catch (ImageNotFoundException e) {
            VerificationException missing = new VerificationException("The image " + image + " is not on the Docker"
                    + " daemon. Build it first (mvn devcontainer:build, or bind the build goal before verify), or name"
                    + " an existing image with " + Setting.assign("image", "NAME:TAG") + ".", e);
            missing.withHost(engine.host());
            throw missing;
        }
    }
}
