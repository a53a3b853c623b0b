package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.run.ContainerEngine;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.DockerEngine;
import io.github.dind.devcontainer.verify.checks.CheckCatalog;
import io.github.dind.devcontainer.verify.VerificationInterruptedException;
import io.github.dind.devcontainer.verify.VerifyService;
import io.github.dind.devcontainer.verify.checks.RegistryLoginsCheck;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the devcontainer image the way a devcontainer client does (privileged, the image's
 * entrypoint kept when devcontainer.json says {@code "overrideCommand": false}, its volumes, no
 * terminal) and proves that dumb-init is PID 1, dockerd boots under it and runs a container, orphans
 * are reaped, dockerd comes back after a stop and start, and devcontainer.json's lifecycle commands
 * succeed. Writes a JUnit XML report. Everything it creates is removed afterwards, also on failure
 * and on Ctrl-C. The work is {@link VerifyService}'s; this class only adapts Maven's parameters.
 *
 * <p>Its length is its parameters, each documented for the help goal and the site; the work is
 * {@link io.github.dind.devcontainer.verify.VerifyService}'s.
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
     * Run only these checks (ids: running, lifecycle:HOOK, lifecycle, pid1, dockerd, docker-info,
     * daemon-exposure, inner-container, inner-network, socket-in-container, mtu, inner-dns, buildkit,
     * reaping, no-secrets, java, maven, testcontainers, project-build, offline-build, command:NAME, commands,
     * dockerd-restart, stop, resume, post-start, kill; registry-logins runs whenever innerRegistryLogins
     * names a registry). offline-build needs the lifecycle checks too (its repository comes from an
     * onCreateCommand): {@code only=lifecycle,offline-build}.
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

    /**
     * Run the checks even when a passing verdict is stored for the same image, launch settings,
     * checks, engine and plugin (by default such a verdict, and its report, are reused). Verdicts are
     * kept in {@code .cache/devcontainer-maven-plugin/verdicts} in Maven's local repository, so
     * {@code mvn clean} keeps them.
     */
    @Parameter(property = PropertyNames.VERIFY_ALWAYS, defaultValue = "false")
    private boolean always;

    /** The plugin's version, part of what a stored verdict is keyed on. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /** Where the JUnit XML report goes. */
    @Parameter(property = PropertyNames.REPORT_DIRECTORY, defaultValue = "${project.build.directory}/devcontainer-reports")
    private File reportDirectory;

    /**
     * Also build the project inside the devcontainer (check {@code project-build}): the top-level
     * project's folder (the whole reactor) is bind-mounted at {@code /workspaces/<folder>}, as clients
     * do, and the command runs there as the remote user, with Maven's local repository on a volume kept between runs
     * ({@code devcontainer-m2-verify-<hash of the project path>}). Needs a Docker daemon that sees
     * the project's folder (a local one).
     */
    @Parameter(property = PropertyNames.PROJECT_BUILD, defaultValue = "false")
    private boolean projectBuild;

    /** The project-build command; default {@code ./mvnw -B -q -DskipTests package} when the project has ./mvnw, else with {@code mvn}. */
    @Parameter(property = PropertyNames.PROJECT_BUILD_COMMAND)
    private String projectBuildCommand;

    /**
     * Prove that the project builds offline inside (check {@code offline-build}, in place of
     * {@code project-build}, which it turns on): the devcontainer is taken off every network (the inner
     * daemon keeps working), Maven runs with {@code -o} (added after a leading {@code mvn} or
     * {@code ./mvnw} of {@code projectBuildCommand}), and its local repository is what a client's first
     * start has: devcontainer.json's volume, fresh, filled by the offline-repository Feature
     * (generate's {@code offlineRepository}).
     */
    @Parameter(property = PropertyNames.OFFLINE_BUILD, defaultValue = "false")
    private boolean offlineBuild;

    /** Seconds the project-build may take (downloads included). */
    @Parameter(property = PropertyNames.PROJECT_BUILD_TIMEOUT, defaultValue = "900")
    private int projectBuildTimeout;

    /**
     * Names, and credential format ids, that may look like credentials in the image. Build sends a
     * build argument named here although its name or value looks like a credential (otherwise it
     * refuses: Docker records build arguments in the image's history); verify's {@code no-secrets}
     * check lets pass what a name here holds in the image's history, environment and labels. A format
     * id ({@code github-token}, {@code gitlab-token}, {@code aws-access-key-id}, {@code slack-token},
     * {@code google-api-key}, {@code npm-token}, {@code pypi-token}, {@code docker-token},
     * {@code private-key}, {@code jwt}, {@code url-password}) allows that format everywhere, e.g. a
     * public JWT. Names are case-sensitive. Empty by default: nothing that looks like a credential
     * gets into the image unnoticed.
     */
    @Parameter(property = PropertyNames.ALLOWED_SECRETS)
    private List<String> allowedSecrets;

    /**
     * Registries (host[:port], {@code docker.io} for Docker Hub) whose logins the inner docker CLI gets
     * inside the container verify starts, before the lifecycle commands: found as push finds its login
     * (a settings.xml server whose id is the registry, the docker CLI's config.json, its credential
     * helpers) and written into {@code ~/.docker/config.json} of root and the remote user in that
     * container only, never into the image. Inner pulls through a registry mirror use the
     * {@code docker.io} login.
     */
    @Parameter(property = PropertyNames.INNER_REGISTRY_LOGINS)
    private List<String> innerRegistryLogins;

    /**
     * The {@code testcontainers} check: Testcontainers itself (the project's version, its jars copied in)
     * starts containers inside as the remote user, with a mapped port, {@code execInContainer} and a
     * network alias. Not set: on when a project depends on {@code org.testcontainers} (any scope);
     * {@code true} or {@code false} decides.
     */
    @Parameter(property = PropertyNames.VERIFY_TESTCONTAINERS)
    private Boolean testcontainers;

    /** Seconds the testcontainers check may take (a JVM, compiling its program, three containers). */
    @Parameter(property = PropertyNames.VERIFY_TESTCONTAINERS_TIMEOUT, defaultValue = "120")
    private int testcontainersTimeout;

    /** Resolves the Testcontainers jars for the testcontainers check. */
    @javax.inject.Inject
    private org.eclipse.aether.RepositorySystem repositorySystem;

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
    void run() throws DevcontainerException {
        String prefix = owner().getArtifactId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + "-verify";
        VerifyService.Request request = new VerifyService.Request(target(), new File(directory(), "devcontainer.json").toPath(),
                commands(), only == null ? Set.of() : only.stream().map(String::strip).filter(id -> !id.isEmpty())
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)),
                new CheckCatalog.Timeouts(Duration.ofSeconds(readyTimeout), Duration.ofSeconds(checkTimeout),
                        Duration.ofSeconds(stopGracePeriod)),
                repeat, keep, prefix, reportDirectory.toPath(), projectBuild(), verdicts(), ownerFolder(),
                allowedSecrets == null ? Set.of() : new LinkedHashSet<>(allowedSecrets), innerLogins());
        try {
            try (DockerConnection docker = connect(idleBound()); ContainerEngine engine = DockerEngine.open(docker, console())) {
                new VerifyService(console()).withTestcontainers(testcontainers()).verify(request, engine);
            }
        } catch (VerificationInterruptedException e) {
            awaitTheEnd();
            throw e;
        }
    }

    /** The testcontainers check's jars, when it runs (see {@link TestcontainersClasspath}); null when not. */
    private CheckCatalog.Testcontainers testcontainers() throws InvalidSettingException {
        List<org.apache.maven.project.MavenProject> projects = reactor() != null ? reactor().served() : List.of(project);
        java.util.Optional<String> version = TestcontainersClasspath.version(projects);
        if (!TestcontainersClasspath.wanted(testcontainers, version)) {
            return null;
        }
        if (testcontainersTimeout < 1) {
            throw new InvalidSettingException("testcontainersTimeout", testcontainersTimeout, "must be at least 1 (seconds)");
        }
        String chosen = version.orElse(TestcontainersClasspath.DEFAULT_VERSION);
        List<Path> jars = TestcontainersClasspath.resolve(repositorySystem, session.getRepositorySession(), owner(), chosen);
        getLog().debug("testcontainers check: Testcontainers " + chosen + version.map(v -> " (the project's)").orElse(" (no"
                + " project depends on it)") + ", " + jars.size() + " jars");
        return new CheckCatalog.Testcontainers(jars, Duration.ofSeconds(testcontainersTimeout));
    }

    /**
     * An interrupted verify is stopped by the JVM's shutdown, which ends the JVM as soon as the run
     * has cleaned up: the run's one line is the whole story, and Maven's BUILD FAILURE block after it
     * would only repeat it (or be cut off half-way). So this thread waits for the end, bounded in
     * case the JVM is somehow kept alive (then Maven reports the interruption as usual).
     */
    private static void awaitTheEnd() {
        try {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How long a Docker response may stay silent: longer than any check may take (a command check
     * that prints nothing for its whole timeout must not be cut off by the transport), plus a minute.
     */
    private Duration idleBound() {
        int longest = Math.max(readyTimeout, Math.max(checkTimeout * 2, stopGracePeriod));
        if (projectBuild || offlineBuild) {
            longest = Math.max(longest, projectBuildTimeout);
        }
        longest = Math.max(longest, testcontainersTimeout);
        for (CommandCheckConfig c : checks == null ? List.<CommandCheckConfig>of() : checks) {
            longest = Math.max(longest, c.getTimeoutSeconds());
        }
        return Duration.ofSeconds(longest).plusMinutes(1);
    }

    /**
     * The logins of {@code innerRegistryLogins}, each found as push finds its own.
     *
     * @throws InvalidSettingException naming a registry none of the sources has a login for
     */
    private List<RegistryLoginsCheck.Login> innerLogins() throws DevcontainerException {
        List<RegistryLoginsCheck.Login> logins = new java.util.ArrayList<>();
        if (innerRegistryLogins == null) {
            return logins;
        }
        CredentialLookup lookup = null;
        for (String entry : innerRegistryLogins) {
            String registry = entry == null ? "" : entry.strip();
            if (registry.isEmpty()) {
                continue;
            }
            if (!registry.matches("[A-Za-z0-9.\\[\\]:-]+")) {
                throw new InvalidSettingException("innerRegistryLogins", registry, "must be a registry host[:port]"
                        + " such as registry.example.com:5000, or docker.io for Docker Hub");
            }
            lookup = lookup != null ? lookup : credentials();
            RegistryCredentials found = lookup.find(registry).orElseThrow(() -> new InvalidSettingException(
                    "innerRegistryLogins", registry, "must name a registry with a login: none found in a settings.xml"
                    + " <server> with the id " + registry + ", in the docker CLI's config.json auths or in its"
                    + " credential helpers (the sources push uses)"));
            logins.add(new RegistryLoginsCheck.Login(registry, found.username(), found.password(), found.identityToken(),
                    found.source()));
        }
        return logins;
    }

    /** Stored verdicts, in Maven's local repository (see {@link VerifyService.Verdicts}). */
    private VerifyService.Verdicts verdicts() throws InvalidSettingException {
        if (session == null || session.getRepositorySession() == null) {
            return null;
        }
        Path localRepository = session.getRepositorySession().getLocalRepository().getBasedir().toPath();
        return new VerifyService.Verdicts(localRepository, ownerFolder() + "\n" + target(), always, pluginVersion);
    }

    /** project-build's settings, or null when it is off. */
    private VerifyService.ProjectBuild projectBuild() throws InvalidSettingException {
        if (!projectBuild && !offlineBuild) {
            return null;
        }
        if (projectBuildTimeout < 1) {
            throw new InvalidSettingException("projectBuildTimeout", projectBuildTimeout, "must be at least 1 (seconds)");
        }
        String command = projectBuildCommand != null && !projectBuildCommand.isBlank() ? projectBuildCommand.strip()
                : (Files.isRegularFile(ownerFolder().resolve("mvnw")) ? "./mvnw" : "mvn") + " -B -q -DskipTests package";
        return new VerifyService.ProjectBuild(ownerFolder(), command,
                Duration.ofSeconds(projectBuildTimeout), offlineBuild);
    }

    /** The whole reactor's folder: the project-build check builds it from the top, as a developer inside would. */
    private Path ownerFolder() {
        return owner().getBasedir().toPath().toAbsolutePath().normalize();
    }

    private String target() throws InvalidSettingException {
        return image != null && !image.isBlank() ? image.strip() : imageName().primary();
    }

    private List<CheckCatalog.Command> commands() throws InvalidSettingException {
        List<CheckCatalog.Command> commands = new ArrayList<>();
        for (CommandCheckConfig c : checks == null ? List.<CommandCheckConfig>of() : checks) {
            if (c.getName() == null || c.getName().isBlank() || c.getCommand() == null || c.getCommand().isBlank()) {
                throw new InvalidSettingException("checks", null, "needs a <name> and a <command> in every <check>");
            }
            commands.add(new CheckCatalog.Command(c.getName().strip(), c.getCommand(), c.getExpectedExitCode(),
                    Duration.ofSeconds(Math.max(1, c.getTimeoutSeconds()))));
        }
        return commands;
    }
}
