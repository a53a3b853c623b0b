package io.github.dind.devcontainer.mojo;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Handles the skip flags once; each goal adds its own flag and its own work. */
abstract class AbstractDevcontainerMojo extends AbstractMojo {
    /** Skips every goal of this plugin. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || isGoalSkipped()) {
            getLog().info("Skipping devcontainer:" + goal() + " (" + (skip ? PropertyNames.SKIP : goalSkipProperty())
                    + "=true)");
            return;
        }
        run();
    }

    /** This goal's name, for log lines. */
    abstract String goal();

    /** Whether this goal's own skip flag is set. */
    abstract boolean isGoalSkipped();

    /** The property of this goal's own skip flag. */
    abstract String goalSkipProperty();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * A problem with the configuration or the environment, in the plugin's own words. The
     * underlying exception goes to the debug log ({@code -X}) instead of the error line, where Maven
     * would append every cause's message (library class names included) to ours.
     */
    MojoExecutionException problem(Exception e) {
        getLog().debug(e.getMessage(), e);
        return new MojoExecutionException(e.getMessage());
    }

    /** Like {@link #problem}, for a failure of the thing checked (a build step, a verify check). */
    MojoFailureException failure(Exception e) {
        getLog().debug(e.getMessage(), e);
        return new MojoFailureException(e.getMessage());
    }
}
