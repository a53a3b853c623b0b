package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.LifecycleHook;
import io.github.dind.devcontainer.run.ImageSurface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The checks verify runs, in order, and the ids a user may select with {@code only}. */
public final class CheckCatalog {
    private CheckCatalog() {
    }

    /** A command check from the pom. */
    public record Command(String name, String command, int expectedExitCode, Duration timeout) {
    }

    /** How long checks may take. */
    public record Timeouts(Duration ready, Duration check, Duration stopGracePeriod) {
    }

    /** The id that selects every lifecycle check. */
    public static final String LIFECYCLE = "lifecycle";

    /**
     * The opt-in project-build check: the project's folder inside, the command, and its time budget;
     * offline: the {@code offline-build} check in its place (no network, Maven offline).
     */
    public record ProjectBuild(String workspace, String command, Duration timeout, boolean offline) {
        public ProjectBuild(String workspace, String command, Duration timeout) {
            this(workspace, command, timeout, false);
        }
    }

    /**
     * The testcontainers check's inputs.
     *
     * @param classpath the project's Testcontainers jar and its runtime dependencies, on the host
     * @param timeout the whole run inside (a JVM, a compilation, three containers)
     */
    public record Testcontainers(List<java.nio.file.Path> classpath, Duration timeout) {
        public Testcontainers {
            classpath = List.copyOf(classpath);
        }
    }

    /**
     * The no-secrets check's inputs.
     *
     * @param image reads the image's history, environment and labels from the engine, when the check runs
     * @param allowed names and credential format ids the user accepts ({@code allowedSecrets})
     */
    public record Secrets(Callable<ImageSurface> image, Collection<String> allowed) {
        public Secrets {
            allowed = List.copyOf(allowed);
        }
    }

    /** The checks without the Java ones (a devcontainer.json that records no JDK and no Maven). */
    public static List<Check> checks(LaunchSettings settings, List<Command> commands, Timeouts timeouts, Set<String> only) {
        return checks(settings, commands, timeouts, only, JavaExpectations.none(), null);
    }

    /**
     * @param java what devcontainer.json records: a JDK adds the {@code java} check, Maven the {@code maven} check
     * @param projectBuild the {@code project-build} check; null leaves it out
     * @param only the check ids to run ({@code command:NAME} for a pom check, {@code commands} for all
     *     of them, {@code lifecycle:HOOK} for a devcontainer.json lifecycle command, {@code lifecycle}
     *     for all of them); empty runs everything
     * @throws IllegalArgumentException naming an unknown id and listing the valid ones
     */
    public static List<Check> checks(LaunchSettings settings, List<Command> commands, Timeouts timeouts, Set<String> only,
            JavaExpectations java, ProjectBuild projectBuild) {
        return checks(settings, commands, timeouts, only, java, projectBuild, null);
    }

    /**
     * @param secrets the {@code no-secrets} check's image and allow-list; null leaves it out
     * @see #checks(LaunchSettings, List, Timeouts, Set, JavaExpectations, ProjectBuild)
     */
    public static List<Check> checks(LaunchSettings settings, List<Command> commands, Timeouts timeouts, Set<String> only,
            JavaExpectations java, ProjectBuild projectBuild, Secrets secrets) {
        return checks(settings, commands, timeouts, only, java, projectBuild, secrets, List.of(), null);
    }

    /**
     * @param logins registry logins for the inner docker CLI ({@code innerRegistryLogins}): written
     *     by the {@code registry-logins} step right after the start, before the lifecycle commands, and
     *     kept whatever {@code only} selects (the lifecycle commands and inner pulls may need them)
     * @param testcontainers the {@code testcontainers} check's jars and time budget; null leaves it out
     * @see #checks(LaunchSettings, List, Timeouts, Set, JavaExpectations, ProjectBuild, Secrets)
     */
    public static List<Check> checks(LaunchSettings settings, List<Command> commands, Timeouts timeouts, Set<String> only,
            JavaExpectations java, ProjectBuild projectBuild, Secrets secrets, List<RegistryLoginsCheck.Login> logins,
            Testcontainers testcontainers) {
        List<Check> all = new ArrayList<>(List.of(new RunningCheck()));
        String first = RunningCheck.ID;
        if (!logins.isEmpty()) {
            all.add(new RegistryLoginsCheck(logins, timeouts.check()));
            first = RegistryLoginsCheck.ID;
        }
        all.addAll(lifecycleChecks(settings, timeouts.ready(), first));
        all.addAll(List.of(
                new Pid1Check(timeouts.check()),
                new DockerdProcessCheck(timeouts.ready()),
                new DockerInfoCheck(timeouts.ready()),
                new DaemonExposureCheck(timeouts.check()),
                new InnerContainerCheck(timeouts.check().multipliedBy(2)),
                new InnerNetworkCheck(timeouts.check().multipliedBy(2)),
                new SocketInContainerCheck(timeouts.check()),
                new MtuCheck(timeouts.check()),
                new InnerDnsCheck(timeouts.check()),
                new BuildkitCheck(timeouts.check().multipliedBy(2)),
                new ReapingCheck(timeouts.check())));
        if (secrets != null) {
            all.add(new NoSecretsCheck(secrets.image(), secrets.allowed()));
        }
        java.javaVersion().ifPresent(v -> all.add(new JavaCheck(v, java.toolchains(), timeouts.check())));
        if (java.maven()) {
            all.add(new MavenCheck(java.javaVersion(), timeouts.check().multipliedBy(2)));
        }
        if (testcontainers != null) {
            all.add(new TestcontainersCheck(testcontainers.classpath(), testcontainers.timeout()));
        }
        if (projectBuild != null) {
            all.add(new ProjectBuildCheck(projectBuild.workspace(), projectBuild.command(), projectBuild.timeout(),
                    projectBuild.offline()));
        }
        for (Command command : commands) {
            all.add(new CommandCheck(command.name(), command.command(), command.expectedExitCode(), command.timeout()));
        }
        all.add(new DockerdRestartCheck(timeouts.ready()));
        all.add(new StopCheck(timeouts.stopGracePeriod()));
        all.add(new ResumeCheck(timeouts.ready()));
        settings.lifecycleHook("postStartCommand").ifPresent(h -> all.add(new PostStartCheck(h, timeouts.ready())));
        all.add(new KillCheck(timeouts.ready()));
        if (only.isEmpty()) {
            return all;
        }
        Set<String> known = all.stream().map(Check::id).collect(Collectors.toCollection(LinkedHashSet::new));
        known.add("commands");
        known.add(LIFECYCLE);
        List<String> unknown = only.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("names unknown checks " + unknown + "; the checks are "
                    + String.join(", ", known));
        }
        return all.stream()
                .filter(c -> only.contains(c.id()) || only.contains("commands") && c instanceof CommandCheck
                        || only.contains(LIFECYCLE) && c instanceof LifecycleCheck || c instanceof RegistryLoginsCheck)
                .toList();
    }

    /**
     * The devcontainer.json lifecycle commands in the spec's order, right after the start as a
     * client runs them; each needs the one before it (a client stops at the first failure).
     */
    private static List<Check> lifecycleChecks(LaunchSettings settings, Duration timeout, String first) {
        List<Check> checks = new ArrayList<>();
        String previous = first;
        for (LifecycleHook hook : settings.lifecycle()) {
            LifecycleCheck check = new LifecycleCheck(hook, Set.copyOf(List.of(RunningCheck.ID, previous)), timeout);
            checks.add(check);
            previous = check.id();
        }
        return checks;
    }
}
