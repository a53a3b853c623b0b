package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project builds inside its own devcontainer: the command runs as the remote user, in a login
 * shell, in the project's folder at {@code /workspaces/NAME} (where verify bind-mounts it, the path
 * devcontainer clients use), with Maven's local repository on its volume.
 *
 * <p>Offline ({@code offline-build}): the same build with the devcontainer off every network
 * ({@link Container#cutNetwork()}; the inner daemon keeps its own) and Maven offline ({@code -o}
 * added after {@code mvn}/{@code ./mvnw}), proving that what the image brought is enough. Before the
 * build it reads the kernel's routing table ({@code /proc/net/route}): a default route left means
 * the cut did not take, and the check fails rather than pass on a network it claims is gone.
 */
public final class ProjectBuildCheck extends AbstractCheck {
    public static final String ID = "project-build";
    public static final String OFFLINE_ID = "offline-build";
    private static final int TAIL_LINES = 30;
    private static final Pattern MAVEN = Pattern.compile("^(\\s*(?:mvn|\\./mvnw|mvnw)(?=\\s|$))");

    private final String workspace;
    private final String command;
    private final boolean offline;

    ProjectBuildCheck(String workspace, String command, Duration timeout) {
        this(workspace, command, timeout, false);
    }

    ProjectBuildCheck(String workspace, String command, Duration timeout, boolean offline) {
        super(offline ? OFFLINE_ID : ID, "`" + (offline ? offlineCommand(command) : command) + "` builds the project in "
                + workspace + (offline ? " with the devcontainer off every network" : ""), timeout);
        this.workspace = workspace;
        this.command = offline ? offlineCommand(command) : command;
        this.offline = offline;
    }

    /**
     * The command with Maven offline: {@code -o} after a leading {@code mvn}, {@code ./mvnw} or
     * {@code mvnw}; any other command as written (it must run Maven offline itself).
     */
    static String offlineCommand(String command) {
        Matcher maven = MAVEN.matcher(command);
        return maven.find() ? maven.group(1) + " -o" + command.substring(maven.end(1)) : command;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        if (!offline) {
            return build(container, "");
        }
        try (Container.NetworkCut cut = container.cutNetwork()) {
            ExecResult routes = container.exec(timeout, "cat", "/proc/net/route");
            boolean defaultRoute = routes.stdout().lines().skip(1).map(line -> line.trim().split("\\s+"))
                    .anyMatch(fields -> fields.length > 1 && fields[1].equals("00000000"));
            if (!routes.succeeded() || defaultRoute) {
                return Observation.fail("the devcontainer still has a default route after leaving " + cut.networks()
                        + " (/proc/net/route):\n" + routes.stdout().strip());
            }
            return build(container, ", off " + String.join(", ", cut.networks()) + " (no default route)");
        }
    }

    private Observation build(Container container, String where) {
        String user = container.remoteUser();
        long started = System.nanoTime();
        ExecResult result = container.execAs(user, timeout, "/bin/sh", "-lc", "cd " + shellQuote(workspace) + " && " + command);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.succeeded()) {
            return Observation.pass(String.format(Locale.ROOT, "exit code 0 as %s in %.1f s%s", user, seconds, where));
        }
        List<String> lines = (result.stdout().strip() + "\n" + result.stderr().strip()).strip().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return Observation.fail("exit code " + result.exitCode() + " as " + user + " after "
                + String.format(Locale.ROOT, "%.1f s", seconds) + where + ":\n" + tail
                + (offline ? "\nWith no network, Maven finds only what the image brought. Without an offline-repository"
                        + " Feature, turn on offlineRepository (-Ddevcontainer.generate.offlineRepository=true) and build"
                        + " the image again; with one, build again after the pom changed (its payload follows the poms), and"
                        + " keep the lifecycle checks in `only`: its onCreateCommand is what copies the repository." : ""));
    }

    /** The text in single quotes for sh. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
