package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.docker.ContainerSession;
import io.github.dind.devcontainer.docker.DockerConnection;
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

    /** Commands to run inside as extra checks, each with the exit code it must return. */
    @Parameter
    private List<CommandCheckConfig> checks;

    /**
     * Run only these checks (ids: running, pid1, dockerd, docker-info, inner-container, inner-network,
     * socket-in-container, mtu, inner-dns, buildkit, reaping,
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

    /** Skips this goal. */
    @Parameter(property = PropertyNames.VERIFY_SKIP, defaultValue = "false")
    private boolean skipVerify;

    /** Failsafe's flag: skipping the integration tests skips verify too. */
    @Parameter(property = "skipITs", defaultValue = "false")
    private boolean skipITs;

    /** Surefire's and Failsafe's flag: skipping the tests skips verify too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Maven's flag to skip compiling and running tests: skips verify too, as it skips Failsafe. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    @Override
    String goal() {
        return "verify";
    }

    @Override
    List<SkipFlag> goalSkipFlags() {
        return List.of(new SkipFlag(PropertyNames.VERIFY_SKIP, skipVerify), new SkipFlag("skipITs", skipITs),
                new SkipFlag("skipTests", skipTests), new SkipFlag("maven.test.skip", mavenTestSkip));
    }

    @Override
    void run() throws DevcontainerException, MojoExecutionException, MojoFailureException {
        if (repeat < 1) {
            throw new InvalidSettingException("repeat", repeat, "must be at least 1");
        }
        String target = target();
        LaunchSettings settings = settings();
        List<Check> selected = selectedChecks(settings);
        String prefix = project.getArtifactId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + "-verify";
        List<VerificationReport> reports = new ArrayList<>();
        try (DockerConnection docker = connect(idleBound())) {
            VerificationRun verification = new VerificationRun(docker.client(), console());
            getLog().info("Verifying " + target + " as a devcontainer client starts it: " + describe(settings));
            for (int run = 1; run <= repeat; run++) {
                if (repeat > 1) {
                    getLog().info("Boot " + run + " of " + repeat);
                }
                VerificationReport report = verification.run(
                        new ContainerSession.StartRequest(target, settings, prefix, keep && run == repeat), selected);
                reports.add(report);
                show(report);
                writeReport(report, repeat == 1 ? "TEST-devcontainer-verify.xml" : "TEST-devcontainer-verify-" + run + ".xml");
            }
        }
        if (repeat > 1) {
            getLog().info("Boots: " + RepeatSummary.of(reports).describe());
        }
        List<VerificationReport> failed = reports.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException(failureMessage(failed, reports.size()));
        }
    }

    /**
     * How long a Docker response may stay silent: longer than any check may take (a command check
     * that prints nothing for its whole timeout must not be cut off by the transport), plus a minute.
     */
    private Duration idleBound() {
        int longest = Math.max(readyTimeout, Math.max(checkTimeout * 2, stopGracePeriod));
        for (CommandCheckConfig c : checks == null ? List.<CommandCheckConfig>of() : checks) {
            longest = Math.max(longest, c.getTimeoutSeconds());
        }
        return Duration.ofSeconds(longest).plusMinutes(1);
    }

    private String target() throws InvalidSettingException {
        return image != null && !image.isBlank() ? image.strip() : imageName().primary();
    }

    private LaunchSettings settings() throws VerificationException {
        File configFile = new File(directory, "devcontainer.json");
        if (!configFile.isFile()) {
            getLog().info("No " + configFile + ": starting the container as the plugin's own devcontainer.json would");
            return LaunchSettings.pluginDefaults();
        }
        try {
            return LaunchSettings.read(configFile.toPath());
        } catch (IOException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    private List<Check> selectedChecks(LaunchSettings settings) throws InvalidSettingException {
        List<CheckCatalog.Command> commands = new ArrayList<>();
        for (CommandCheckConfig c : checks == null ? List.<CommandCheckConfig>of() : checks) {
            if (c.getName() == null || c.getName().isBlank() || c.getCommand() == null || c.getCommand().isBlank()) {
                throw new InvalidSettingException("checks", null, "needs a <name> and a <command> in every <check>");
            }
            commands.add(new CheckCatalog.Command(c.getName().strip(), c.getCommand(), c.getExpectedExitCode(),
                    Duration.ofSeconds(Math.max(1, c.getTimeoutSeconds()))));
        }
        if (readyTimeout < 1 || checkTimeout < 1 || stopGracePeriod < 1) {
            throw new InvalidSettingException(readyTimeout < 1 ? "readyTimeout" : checkTimeout < 1 ? "checkTimeout"
                    : "stopGracePeriod", Math.min(readyTimeout, Math.min(checkTimeout, stopGracePeriod)), "must be at least 1 (seconds)");
        }
        try {
            return CheckCatalog.checks(settings, commands, new CheckCatalog.Timeouts(Duration.ofSeconds(readyTimeout),
                    Duration.ofSeconds(checkTimeout), Duration.ofSeconds(stopGracePeriod)),
                    only == null ? Set.of() : new LinkedHashSet<>(only));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("only", String.join(",", only), e.getMessage());
        }
    }

    private static String describe(LaunchSettings settings) {
        return (settings.privileged() ? "privileged" : "NOT privileged")
                + (settings.overrideCommand() ? ", entrypoint replaced by the client (overrideCommand is not false)"
                        : ", entrypoint kept (overrideCommand false)")
                + (settings.init() ? ", with docker --init" : "")
                + (settings.volumeTargets().isEmpty() ? "" : ", volumes at " + String.join(", ", settings.volumeTargets()))
                + (settings.network().isEmpty() ? "" : ", on network " + settings.network())
                + ", no terminal";
    }

    private void show(VerificationReport report) {
        ReportTable.render(report).forEach(line -> getLog().info(line));
        report.timings().forEach((name, value) -> getLog().info(String.format(Locale.ROOT, "  %s: %.2f s", name, value.toMillis() / 1000.0)));
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

    private void writeReport(VerificationReport report, String fileName) throws VerificationException {
        Path file = reportDirectory.toPath().resolve(fileName);
        try {
            JUnitReport.write(report, file);
            getLog().info("Report: " + file);
        } catch (IOException e) {
            throw new VerificationException("Cannot write the verification report " + file + " ("
                    + DevcontainerException.setting("reportDirectory") + "): " + e.getMessage(), e);
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
