package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip flags, the {@code .devcontainer} directory, and one place where
 * the core's typed exceptions become Maven's. A goal only adds its parameters and its {@link #run}.
 */
abstract class AbstractDevcontainerMojo extends AbstractMojo {
    /** Skips every goal of this plugin. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * The devcontainer's folder: {@code generate} writes into it, {@code build} sends it as the
     * build context, {@code verify} reads its {@code devcontainer.json}.
     */
    @Parameter(property = PropertyNames.DIRECTORY, defaultValue = "${project.basedir}/.devcontainer")
    protected File directory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * Runs the goal unless a skip flag is set. The core's exceptions become Maven's here, once:
     * settings named by pom element and {@code -D} property; a failure of the thing checked is a
     * build failure, anything else an error. Under {@code mvn -e} the exception is the cause, so its
     * whole chain is shown; otherwise it is left out, because Maven's error line appends the message
     * of every cause it does not already contain (library class names included) to ours.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        List<SkipFlag> flags = new ArrayList<>();
        flags.add(new SkipFlag(PropertyNames.SKIP, skip));
        flags.addAll(goalSkipFlags());
        Optional<String> skippedBy = SkipFlag.firstSet(flags);
        if (skippedBy.isPresent()) {
            getLog().info("Skipping devcontainer:" + goal() + " (" + skippedBy.get() + "=true)");
            return;
        }
        try {
            run();
        } catch (DevcontainerException e) {
            String message = e.renderSettings(this::renderSetting);
            Throwable cause = showErrors() ? e : null;
            if (e.isFailure()) {
                throw new MojoFailureException(message, cause);
            }
            throw new MojoExecutionException(message, cause);
        } catch (RuntimeException e) {
            // A bug or a library failure nobody translated: still a message, never Maven's internal-error form.
            throw new MojoExecutionException("devcontainer:" + goal() + " stopped on an unexpected error: "
                    + Errors.rootMessage(e) + ". Run with -e for the stack trace; please report it with the log.", e);
        }
    }

    /** Whether Maven runs with {@code -e}: then the causes of an error are shown (a goal run without a session: yes). */
    private boolean showErrors() {
        return session == null || session.getRequest() == null || session.getRequest().isShowErrors();
    }

    /** This goal's name, for log lines and property names. */
    abstract String goal();

    /** The goal's own skip flags (the plugin-wide {@code skip} is added by the base). */
    abstract List<SkipFlag> goalSkipFlags();

    /**
     * The goal's work.
     *
     * @throws DevcontainerException whatever went wrong, in the core's terms: translated once, above
     */
    abstract void run() throws DevcontainerException;

    /** Where services report progress: the Maven log, with settings named as a Maven user sets them. */
    Console console() {
        return new MavenConsole(getLog(), this::renderSetting);
    }

    /**
     * A setting as a Maven user writes it: {@code <imageName> (-Ddevcontainer.imageName)} for a
     * mention, {@code -Ddevcontainer.build.pull=missing} for an assignment.
     */
    String renderSetting(String parameter, String value) {
        String property = PropertyNames.of(goal(), parameter);
        if (value != null) {
            return property == null ? "<" + parameter + ">" + value + "</" + parameter + ">" : "-D" + property + "=" + value;
        }
        return property == null ? "<" + parameter + ">" : "<" + parameter + "> (-D" + property + ")";
    }

    /** The plain-text form of a core message with settings, for log lines built in a goal. */
    String text(String withSettings) {
        return Setting.render(withSettings, this::renderSetting);
    }
}
