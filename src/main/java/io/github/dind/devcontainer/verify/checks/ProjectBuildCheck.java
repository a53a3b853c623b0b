package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.List;

/**
 * The project builds inside its own devcontainer: the command runs as the remote user, in a login
 * shell, in the project's folder at {@code /workspaces/NAME} (where verify bind-mounts it, the path
 * devcontainer clients use), with Maven's local repository on its volume.
 */
public final class ProjectBuildCheck extends AbstractCheck {
    public static final String ID = "project-build";
    private static final int TAIL_LINES = 30;

    private final String workspace;
    private final String command;

    ProjectBuildCheck(String workspace, String command, Duration timeout) {
        super(ID, "`" + command + "` builds the project in " + workspace, timeout);
        this.workspace = workspace;
        this.command = command;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        long started = System.nanoTime();
        ExecResult result = container.execAs(user, timeout, "/bin/sh", "-lc", "cd " + shellQuote(workspace) + " && " + command);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.succeeded()) {
            return Observation.pass(String.format(java.util.Locale.ROOT, "exit code 0 as %s in %.1f s", user, seconds));
        }
        List<String> lines = (result.stdout().strip() + "\n" + result.stderr().strip()).strip().lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return Observation.fail("exit code " + result.exitCode() + " as " + user + " after "
                + String.format(java.util.Locale.ROOT, "%.1f s", seconds) + ":\n" + tail);
    }

    /** The text in single quotes for sh. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
