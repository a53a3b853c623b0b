package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.VerificationException;
import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.run.ClientLaunch;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerEngine;
import io.github.dind.devcontainer.verify.checks.Check;
import io.github.dind.devcontainer.verify.checks.CheckCatalog;
import io.github.dind.devcontainer.verify.checks.ProjectBuildCheck;
import io.github.dind.devcontainer.verify.checks.RegistryLoginsCheck;
import io.github.dind.devcontainer.verify.report.JUnitReport;
import io.github.dind.devcontainer.verify.report.RepeatSummary;
import io.github.dind.devcontainer.verify.report.ReportOutput;
import io.github.dind.devcontainer.verify.report.VerificationReport;
import io.github.dind.devcontainer.verify.verdict.PluginIdentity;
import io.github.dind.devcontainer.verify.verdict.VerdictKey;
import io.github.dind.devcontainer.verify.verdict.VerdictReuse;
import io.github.dind.devcontainer.verify.verdict.VerdictStore;
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
 *
 * <p>Its length is the goal's one entry point and its request records; reading the configuration is
 * {@link LaunchConfiguration}'s, the checks run in {@link Verifier}, reports and verdicts live in
 * their rooms.
 */
public final class VerifyService {
    /**
     * The project a verify container, its volumes and project-build's local repository volume belong
     * to (its folder), so {@code docker ps --filter label=io.github.dind.devcontainer.project=$PWD}
     * finds them.
     */
    public static final String PROJECT_LABEL = "io.github.dind.devcontainer.project";

    /**
     * What to verify.
     *
     * @param configFile the devcontainer.json; null or absent means the plugin's own defaults
     * @param only check ids to run; empty runs all
     * @param namePrefix the container names' prefix (lower-case, docker name characters)
     * @param keep leave the last boot's container running, labelled as kept
     * @param verdicts where passing verdicts are kept and whether one may stand for this run; null: always run
     * @param project the project's folder, the value of {@link #PROJECT_LABEL} on the container and volumes
     *        verify creates; null: no such label
     * @param allowedSecrets names and credential format ids the {@code no-secrets} check lets pass ({@code allowedSecrets})
     * @param innerLogins registry logins written for the inner docker CLI in each boot's container
     *     ({@code innerRegistryLogins}); empty: none
     */
    public record Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
            CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
            ProjectBuild projectBuild, Verdicts verdicts, Path project, Set<String> allowedSecrets,
            List<RegistryLoginsCheck.Login> innerLogins) {
        public Request {
            innerLogins = innerLogins == null ? List.of() : List.copyOf(innerLogins);
            allowedSecrets = allowedSecrets == null ? Set.of() : allowedSecrets.stream().filter(java.util.Objects::nonNull)
                    .map(String::strip).filter(a -> !a.isEmpty())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }

        /** Without inner registry logins. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
                ProjectBuild projectBuild, Verdicts verdicts, Path project, Set<String> allowedSecrets) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, projectBuild,
                    verdicts, project, allowedSecrets, List.of());
        }

        /** Allowing no credential in the image. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
                ProjectBuild projectBuild, Verdicts verdicts, Path project) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, projectBuild,
                    verdicts, project, Set.of());
        }

        /** Without a project label. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
                ProjectBuild projectBuild, Verdicts verdicts) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, projectBuild, verdicts, null);
        }

        /** Without a stored verdict and without a project label. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory,
                ProjectBuild projectBuild) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, projectBuild, null, null);
        }

        /** Without project-build, a stored verdict or a project label. */
        public Request(String image, Path configFile, List<CheckCatalog.Command> commands, Set<String> only,
                CheckCatalog.Timeouts timeouts, int repeat, boolean keep, String namePrefix, Path reportDirectory) {
            this(image, configFile, commands, only, timeouts, repeat, keep, namePrefix, reportDirectory, null, null, null);
        }

        /** The labels verify puts on what it creates besides the run's own: the project's, when known. */
        Map<String, String> labels() {
            return project == null ? Map.of() : Map.of(PROJECT_LABEL, project.toString());
        }

        Path reportFile(int boot) {
            return reportDirectory.resolve(repeat == 1 ? "TEST-devcontainer-verify.xml" : "TEST-devcontainer-verify-" + boot + ".xml");
        }
    }

    /**
     * The opt-in project-build check: the project's folder on the host (bind-mounted at
     * {@code /workspaces/<its name>}, where clients put it), the command, its time budget; offline:
     * the {@code offline-build} check instead, with Maven's local repository as a client's first start
     * has it (devcontainer.json's volume, fresh) rather than verify's kept volume.
     */
    public record ProjectBuild(Path projectDirectory, String command, Duration timeout, boolean offline) {
        public ProjectBuild(Path projectDirectory, String command, Duration timeout) {
            this(projectDirectory, command, timeout, false);
        }

        /** Where clients mount the workspace. */
        public String workspace() {
            return "/workspaces/" + projectDirectory.getFileName();
        }
    }

    /**
     * Stored verdicts: kept in Maven's local repository, in its {@code .cache} folder (where Maven's
     * resolver keeps its own state), so {@code mvn clean} does not lose them, wiping the local
     * repository does, and CI that caches the repository keeps them — safe, because a verdict is
     * reused only for the same image id on an engine of the same version, storage, cgroup and kernel.
     *
     * @param localRepository Maven's local repository
     * @param subject which project and image they are for (one stored verdict per subject)
     * @param always run the checks even when a stored verdict could stand for them
     * @param pluginVersion the plugin's version as Maven loaded it (its jar's digest is added)
     */
    public record Verdicts(Path localRepository, String subject, boolean always, String pluginVersion) {
        VerdictReuse reuse() {
            return new VerdictReuse(new VerdictStore(localRepository.resolve(".cache/devcontainer-maven-plugin/verdicts")),
                    subject, always, PluginIdentity.describe(pluginVersion));
        }
    }

    private final Console console;
    private final ReportOutput output;
    private final LaunchConfiguration configuration;

    private CheckCatalog.Testcontainers testcontainers;

    /** Adds the {@code testcontainers} check (null: none); returns this service. */
    public VerifyService withTestcontainers(CheckCatalog.Testcontainers testcontainers) {
        this.testcontainers = testcontainers;
        return this;
    }

    public VerifyService(Console console) {
        this.console = console;
        this.output = new ReportOutput(console);
        this.configuration = new LaunchConfiguration(console);
    }

    /**
     * @return every boot's report, all passed; empty when a stored passing verdict was reused
     * @throws VerificationFailedException when a check failed in any boot ({@link DevcontainerException#isFailure()})
     * @throws VerificationInterruptedException when Maven was stopped (SIGINT, SIGTERM) during the boots
     * @throws InvalidSettingException when repeat, a timeout or only is out of bounds
     * @throws VerificationException when devcontainer.json cannot be read, the image is missing, or a report cannot be written
     * @throws DevcontainerException when the daemon would not start the container
     */
    public List<VerificationReport> verify(Request request, ContainerEngine engine) throws DevcontainerException {
        validate(request);
        ImageConfig image = LaunchConfiguration.imageConfig(request.image(), engine);
        LaunchSettings settings = configuration.settings(request.configFile(), image);
        JavaExpectations java = configuration.javaExpectations(request.configFile());
        ProjectBuild build = request.projectBuild();
        List<Check> checks;
        try {
            checks = CheckCatalog.checks(settings, request.commands(), request.timeouts(), request.only(), java,
                    build == null ? null : new CheckCatalog.ProjectBuild(build.workspace(), build.command(), build.timeout(),
                            build.offline()),
                    new CheckCatalog.Secrets(() -> engine.imageSurface(request.image()), request.allowedSecrets()),
                    request.innerLogins(), testcontainers);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("only", String.join(",", request.only()), e.getMessage());
        }
        boolean projectBuildRuns = runs(checks, ProjectBuildCheck.ID) || runs(checks, ProjectBuildCheck.OFFLINE_ID);
        ClientLaunch launch = ClientLaunch.of(request.image(), settings, image)
                .withVerifyMounts(configuration.verifyMounts(projectBuildRuns ? build : null, java))
                .withLabels(request.labels());
        launch.warnings().forEach(console::warn);
        // what runs killed outright left behind, swept alongside: the verdict's key, or the first boot
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(engine::sweepLeftovers);
        try {
            VerdictReuse reuse = request.verdicts() == null ? null : request.verdicts().reuse();
            VerdictKey key = reuse == null ? null : reuse.key(request.repeat(), request.keep(), projectBuildRuns, image.id(),
                    settings + "\n" + launch.dockerRunArgs(),
                    checks.stream().map(Check::id).toList() + "\n" + request.commands() + "\n"
                            + new TreeSet<>(request.only()) + "\n" + request.timeouts() + "\n" + java
                            + "\nallowed secrets " + request.allowedSecrets()
                            + "\ninner registry logins " + request.innerLogins().stream().map(l -> l.registry()).toList()
                            + (testcontainers == null ? "" : "\ntestcontainers " + testcontainers.classpath().stream()
                                    .map(p -> p.getFileName().toString()).toList()),
                    engine, launch.network(), console);
            output.removeOldReports(request.reportDirectory());
            if (key != null && reuse.reused(key, request.image(), request.reportFile(1), console)) {
                return List.of();
            }
            console.info("Verifying " + request.image() + " at " + engine.host() + " as a devcontainer client starts it: "
                    + launch.describe());
            Boots boots = boot(request, launch, checks, engine);
            if (key != null) {
                reuse.passed(key, request.image(), boots.firstReportXml(), console);
            }
            return boots.reports();
        } finally {
            sweep.join();
        }
    }

    /** Every boot's report, and the first one's JUnit XML as written (what a stored verdict keeps). */
    private record Boots(List<VerificationReport> reports, String firstReportXml) {
    }

    /**
     * Boots the image {@code repeat} times, each with all checks, and writes a report per boot.
     *
     * @return every boot's report, all passed
     * @throws VerificationFailedException when a check failed in any boot (the stored pass is forgotten)
     * @throws VerificationInterruptedException when Maven was stopped (SIGINT, SIGTERM) before the checks
     *     were done; the log has one line saying so (the stored pass is forgotten)
     * @throws DevcontainerException when a container would not start (the stored pass is forgotten too)
     */
    private Boots boot(Request request, ClientLaunch launch, List<Check> checks, ContainerEngine engine)
            throws DevcontainerException {
        List<VerificationReport> reports = new ArrayList<>();
        String firstXml = null;
        try {
            for (int boot = 1; boot <= request.repeat(); boot++) {
                if (engine.stoppedBy().isPresent()) {
                    throw new VerificationInterruptedException("Verification of " + request.image() + " interrupted by "
                            + engine.stoppedBy().get() + " before boot " + boot + ": no verdict");
                }
                if (request.repeat() > 1) {
                    console.info("Boot " + boot + " of " + request.repeat());
                }
                try (Container container = engine.launch(launch, request.namePrefix(), request.keep() && boot == request.repeat())) {
                    console.info("Started " + container.name() + " (" + container.id().substring(0, 12) + ") from "
                            + request.image());
                    VerificationReport report = new Verifier(checks, console, engine::stoppedBy).verify(request.image(),
                            container, container.name());
                    if (report.interrupted()) {
                        throw interrupted(report, request.reportFile(boot));
                    }
                    reports.add(report);
                    output.show(report);
                    String xml = output.write(report, request.reportFile(boot));
                    firstXml = firstXml == null ? xml : firstXml;
                }
            }
        } catch (DevcontainerException | RuntimeException e) {
            // the container would not start, or a boot broke off: no earlier pass may stand for the next run
            if (request.verdicts() != null) {
                request.verdicts().reuse().failed(console);
            }
            throw e;
        }
        if (request.repeat() > 1) {
            console.info("Boots: " + RepeatSummary.of(reports).describe());
        }
        List<VerificationReport> failed = reports.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            if (request.verdicts() != null) {
                request.verdicts().reuse().failed(console);
            }
            throw new VerificationFailedException(ReportOutput.failureMessage(failed, reports.size()), reports);
        }
        return new Boots(reports, firstXml);
    }

    /**
     * Writes an interrupted run's report and says so in one line, while the container is still
     * there to name: once it is removed, the shutdown hook lets the JVM end, and Maven may not get
     * to print anything more.
     */
    private VerificationInterruptedException interrupted(VerificationReport report, Path reportFile) {
        String message = ReportOutput.interruptedMessage(report, reportFile);
        try {
            JUnitReport.write(report, reportFile);
        } catch (java.io.IOException e) {
            message += " (the report could not be written: " + e.getMessage() + ")";
        }
        console.warn(message);
        return new VerificationInterruptedException(message);
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

    /** Whether the check with this id is among those that run ({@code only} may leave it out). */
    static boolean runs(List<Check> checks, String id) {
        return checks.stream().anyMatch(c -> c.id().equals(id));
    }

}
