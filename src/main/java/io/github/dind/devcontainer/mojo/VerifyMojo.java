package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.docker.ContainerSession;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.DockerUnavailableException;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.spec.JavaExpectations;
import io.github.dind.devcontainer.spec.LaunchSettings;
import io.github.dind.devcontainer.verify.Check;
import io.github.dind.devcontainer.verify.CheckCatalog;
import io.github.dind.devcontainer.verify.JUnitReport;
import io.github.dind.devcontainer.verify.RepeatSummary;
import io.github.dind.devcontainer.verify.ReportTable;
import io.github.dind.devcontainer.verify.VerificationException;
import io.github.dind.devcontainer.verify.VerificationReport;
import io.github.dind.devcontainer.verify.VerificationRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the devcontainer image the way a devcontainer client does (privileged, the image's
 * entrypoint kept when devcontainer.json says {@code "overrideCommand": false}, its volumes, no
 * terminal) and proves that dumb-init is PID 1, dockerd boots under it and runs a container, orphans
 * are reaped, and dockerd comes back after a stop and start. Writes a JUnit XML report. Everything
 * it creates is removed afterwards, also on failure and on Ctrl-C.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class VerifyMojo extends AbstractDockerMojo {
    /** The image to verify; default the one build makes: {@code <imageName>:<first tag>}. */
    @Parameter(property = PropertyNames.IMAGE)
    private String image;

    /** Where clients mount the workspace: {@code /workspaces/<folder name>}. */
    private static final String WORKSPACES = "/workspaces/";
    static final String CACHE_LABEL = "io.github.dind.devcontainer.cache";
    static final String PROJECT_LABEL = "io.github.dind.devcontainer.project";

    /** The devcontainer.json that says how clients start the container (privileged, overrideCommand, mounts). */
    @Parameter(property = PropertyNames.CONFIG_FILE, defaultValue = "${project.basedir}/.devcontainer/devcontainer.json")
    private File configFile;

    /** Commands to run inside as extra checks, each with the exit code it must return. */
    @Parameter
    private List<CommandCheckConfig> checks;

    /**
     * Run only these checks (ids: running, pid1, dockerd, docker-info, inner-container, reaping,
     * stop, resume, post-start, command:NAME, commands).
     */
    @Parameter(property = PropertyNames.VERIFY_ONLY)
    private List<String> only;

    /** Seconds dockerd may take to answer, at the start and after the resume. */
    @Parameter(property = PropertyNames.VERIFY_READY_TIMEOUT, defaultValue = "60")
    private int readyTimeout;

    /** Seconds every other check may take. */
    @Parameter(property = PropertyNames.VERIFY_CHECK_TIMEOUT, defaultValue = "30")
    private int checkTimeout;

    /** The grace period of {@code docker stop}, in seconds; the stop must take less than half of it. */
    @Parameter(property = PropertyNames.VERIFY_STOP_GRACE_PERIOD, defaultValue = "10")
    private int stopGracePeriod;

    /** Boot the image this many times, each with all checks, and print the pass count and start-up times. */
    @Parameter(property = PropertyNames.VERIFY_REPEAT, defaultValue = "1")
    private int repeat;

    /** Leave the container running after the checks, for debugging; the log says how to reach and remove it. */
    @Parameter(property = PropertyNames.VERIFY_KEEP, defaultValue = "false")
    private boolean keep;

    /** Where the JUnit XML report goes. */
    @Parameter(property = PropertyNames.REPORT_DIRECTORY, defaultValue = "${project.build.directory}/devcontainer-reports")
    private File reportDirectory;

    /**
     * Also build the project inside the devcontainer (check {@code project-build}): it is
     * bind-mounted at {@code /workspaces/<folder>}, as clients do, and the command runs there as
     * the remote user, with Maven's local repository on a volume kept between runs
     * ({@code devcontainer-m2-verify-<hash of the project path>}). Needs a Docker daemon that sees
     * the project's folder (a local one).
     */
    @Parameter(property = PropertyNames.PROJECT_BUILD, defaultValue = "false")
    private boolean projectBuild;

    /** The project-build command; default {@code ./mvnw -B -q -DskipTests package} when the project has ./mvnw, else with {@code mvn}. */
    @Parameter(property = PropertyNames.PROJECT_BUILD_COMMAND)
    private String projectBuildCommand;

    /** Seconds the project-build may take (downloads included). */
    @Parameter(property = PropertyNames.PROJECT_BUILD_TIMEOUT, defaultValue = "900")
    private int projectBuildTimeout;

    /** Skips this goal. */
    @Parameter(property = PropertyNames.VERIFY_SKIP, defaultValue = "false")
    private boolean skipVerify;

    /** Failsafe's flag: skipping the integration tests skips verify too. */
    @Parameter(property = "skipITs", defaultValue = "false")
    private boolean skipITs;

    @Override
    String goal() {
        return "verify";
    }

    @Override
    boolean isGoalSkipped() {
        return skipVerify || skipITs;
    }

    @Override
    String goalSkipProperty() {
        return skipVerify ? PropertyNames.VERIFY_SKIP : "skipITs";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (repeat < 1) {
            throw new MojoExecutionException("<repeat> must be at least 1, not " + repeat);
        }
        String target = target();
        LaunchSettings settings = settings();
        JavaExpectations java = javaExpectations();
        CheckCatalog.ProjectBuild build = projectBuild();
        List<Check> selected = selectedChecks(settings, java, build);
        List<ContainerSession.ExtraMount> mounts = extraMounts(java, build);
        String prefix = project.getArtifactId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + "-verify";
        List<VerificationReport> reports = new ArrayList<>();
        try (DockerConnection docker = connect()) {
            VerificationRun verification = new VerificationRun(docker.client(), new MavenConsole(getLog()));
            getLog().info("Verifying " + target + " as a devcontainer client starts it: " + describe(settings));
            for (int run = 1; run <= repeat; run++) {
                if (repeat > 1) {
                    getLog().info("Boot " + run + " of " + repeat);
                }
                VerificationReport report = verification.run(
                        new ContainerSession.StartRequest(target, settings, prefix, keep && run == repeat, mounts), selected);
                reports.add(report);
                show(report);
                writeReport(report, repeat == 1 ? "TEST-devcontainer-verify.xml" : "TEST-devcontainer-verify-" + run + ".xml");
            }
        } catch (DockerUnavailableException | VerificationException e) {
            throw problem(e);
        }
        if (repeat > 1) {
            getLog().info("Boots: " + RepeatSummary.of(reports).describe());
        }
        List<VerificationReport> failed = reports.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException(failureMessage(failed, reports.size()));
        }
    }

    private String target() throws MojoExecutionException {
        return image != null && !image.isBlank() ? image.strip() : imageName().primary();
    }

    private LaunchSettings settings() throws MojoExecutionException {
        if (configFile == null || !configFile.isFile()) {
            getLog().info("No " + configFile + ": starting the container as the plugin's own devcontainer.json would");
            return LaunchSettings.pluginDefaults();
        }
        try {
            return LaunchSettings.read(configFile.toPath());
        } catch (IOException e) {
            throw problem(e);
        }
    }

    private JavaExpectations javaExpectations() throws MojoExecutionException {
        if (configFile == null || !configFile.isFile()) {
            return JavaExpectations.none();
        }
        try {
            return JavaExpectations.read(configFile.toPath());
        } catch (IOException e) {
            throw problem(e);
        }
    }

    private CheckCatalog.ProjectBuild projectBuild() throws MojoExecutionException {
        if (!projectBuild) {
            return null;
        }
        if (projectBuildTimeout < 1) {
            throw new MojoExecutionException("<projectBuildTimeout> must be at least 1 second, not " + projectBuildTimeout);
        }
        String command = projectBuildCommand != null && !projectBuildCommand.isBlank() ? projectBuildCommand.strip()
                : (new File(project.getBasedir(), "mvnw").isFile() ? "./mvnw" : "mvn") + " -B -q -DskipTests package";
        return new CheckCatalog.ProjectBuild(WORKSPACES + project.getBasedir().getName(), command,
                Duration.ofSeconds(projectBuildTimeout));
    }

    /** The project's folder and a lasting local repository volume, for project-build. */
    private List<ContainerSession.ExtraMount> extraMounts(JavaExpectations java, CheckCatalog.ProjectBuild build) {
        if (build == null) {
            return List.of();
        }
        List<ContainerSession.ExtraMount> mounts = new ArrayList<>();
        String basedir = project.getBasedir().getAbsolutePath();
        mounts.add(new ContainerSession.ExtraMount(true, basedir, build.workspace(), Map.of()));
        java.localRepository().ifPresent(target -> {
            String volume = localRepositoryVolume(basedir);
            getLog().info("Maven's local repository for project-build: volume " + volume + " (kept between runs;"
                    + " remove it with: docker volume rm " + volume + ")");
            mounts.add(new ContainerSession.ExtraMount(false, volume, target,
                    Map.of(CACHE_LABEL, "m2", PROJECT_LABEL, basedir)));
        });
        return mounts;
    }

    /** {@code devcontainer-m2-verify-} and 12 hex digits of the SHA-256 of the project's path: one per project. */
    static String localRepositoryVolume(String basedir) {
        return "devcontainer-m2-verify-" + Sha256.hex(basedir).substring(0, 12);
    }

    private List<Check> selectedChecks(LaunchSettings settings, JavaExpectations java, CheckCatalog.ProjectBuild build)
            throws MojoExecutionException {
        List<CheckCatalog.Command> commands = new ArrayList<>();
        for (CommandCheckConfig c : checks == null ? List.<CommandCheckConfig>of() : checks) {
            if (c.getName() == null || c.getName().isBlank() || c.getCommand() == null || c.getCommand().isBlank()) {
                throw new MojoExecutionException("Every <check> in <checks> needs a <name> and a <command>");
            }
            commands.add(new CheckCatalog.Command(c.getName().strip(), c.getCommand(), c.getExpectedExitCode(),
                    Duration.ofSeconds(Math.max(1, c.getTimeoutSeconds()))));
        }
        if (readyTimeout < 1 || checkTimeout < 1 || stopGracePeriod < 1) {
            throw new MojoExecutionException("<readyTimeout>, <checkTimeout> and <stopGracePeriod> must be at least 1 second");
        }
        try {
            return CheckCatalog.checks(settings, commands, new CheckCatalog.Timeouts(Duration.ofSeconds(readyTimeout),
                    Duration.ofSeconds(checkTimeout), Duration.ofSeconds(stopGracePeriod)),
                    only == null ? Set.of() : new LinkedHashSet<>(only), java, build);
        } catch (IllegalArgumentException e) {
            throw problem(e);
        }
    }

    private static String describe(LaunchSettings settings) {
        return (settings.privileged() ? "privileged" : "NOT privileged")
                + (settings.overrideCommand() ? ", entrypoint replaced by the client (overrideCommand is not false)"
                        : ", entrypoint kept (overrideCommand false)")
                + (settings.init() ? ", with docker --init" : "")
                + (settings.volumeTargets().isEmpty() ? "" : ", volumes at " + String.join(", ", settings.volumeTargets()))
                + ", no terminal";
    }

    private void show(VerificationReport report) {
        ReportTable.render(report).forEach(line -> getLog().info(line));
        report.timings().forEach((name, value) -> getLog().info(String.format("  %s: %.2f s", name, value.toMillis() / 1000.0)));
        if (!report.passed()) {
            getLog().warn("Last lines of the container log:");
            report.containerLog().forEach(line -> getLog().warn("  | " + line));
            getLog().warn("Last lines of /var/log/dockerd.log:");
            if (report.dockerdLog().isEmpty()) {
                getLog().warn("  (none: the file does not exist, dockerd never started)");
            }
            report.dockerdLog().forEach(line -> getLog().warn("  | " + line));
        }
    }

    private void writeReport(VerificationReport report, String fileName) throws MojoExecutionException {
        Path file = reportDirectory.toPath().resolve(fileName);
        try {
            JUnitReport.write(report, file);
            getLog().info("Report: " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the verification report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String failureMessage(List<VerificationReport> failed, int runs) {
        VerificationReport first = failed.get(0);
        String checksFailed = first.failures().stream()
                .map(r -> "  - " + r.id() + " (" + r.description() + "): " + ReportTable.oneLine(r.detail()))
                .collect(Collectors.joining(System.lineSeparator()));
        return "Devcontainer verification of " + first.image() + " failed" + (runs > 1 ? " in " + failed.size() + " of "
                + runs + " boots" : "") + ":" + System.lineSeparator() + checksFailed + System.lineSeparator()
                + "The container log and /var/log/dockerd.log tails are above and in the report.";
    }
}
