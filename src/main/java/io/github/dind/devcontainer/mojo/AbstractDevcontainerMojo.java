package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.workspace.BuildClaims;
import io.github.dind.devcontainer.workspace.SecondDevcontainerException;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: the skip flags, the owner rule (one devcontainer per reactor, its work
 * done by one project per build), the {@code .devcontainer} directory, and one place where the
 * core's typed exceptions become Maven's. A goal only adds its parameters and its {@link #run}.
 *
 * <p>Its length is what every goal shares: the skip flags, the owner rule's claim, the
 * devcontainer's defaults from the top-level project, and the one place errors are translated.
 */
abstract class AbstractDevcontainerMojo extends AbstractMojo {
    /** Skips every goal of this plugin. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * The devcontainer's folder: {@code generate} writes into it, {@code build} builds what its
     * {@code devcontainer.json} says (without one, this folder is the build context), {@code verify}
     * reads its {@code devcontainer.json}. Default: {@code .devcontainer}
     * in the top-level project's folder, the project that lists the others as modules (in a build
     * of one module too).
     */
    @Parameter(property = PropertyNames.DIRECTORY)
    private File directory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    /** Builds the top-level project's model when a build started in a module folder never loaded it. */
    @Inject
    private ProjectBuilder projectBuilder;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** Maven's own decrypter of {@code settings.xml} passwords. */
    @Inject
    private SettingsDecrypter settingsDecrypter;

    /**
     * The registry logins: settings.xml servers (id = registry host), then the docker CLI's
     * config.json and its credential helpers (their stderr at debug).
     */
    CredentialLookup credentials() {
        return CredentialLookup.of(MavenServers.of(settings, settingsDecrypter, getLog()), console());
    }

    /** Whether Maven runs offline ({@code -o}): nothing may ask the network. */
    boolean offline() {
        return session != null && session.isOffline();
    }

    /** Where this project stands in its reactor; null when the goal runs without a Maven project (unit tests). */
    private Reactor reactor;

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
            if (project != null && session != null && !claimed()) {
                return;
            }
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

    /**
     * Applies the owner rule: true when this project does the devcontainer's work in this build.
     * Another project's goal logs why it skips, after checking it would not make a second
     * devcontainer: a module that names another folder, image or distro is an error.
     */
    private boolean claimed() throws MojoExecutionException, SecondDevcontainerException {
        try {
            reactor = Reactor.of(session, project, projectBuilder);
        } catch (ProjectBuildingException e) {
            throw new MojoExecutionException("Cannot read the top-level project of " + project.getArtifactId()
                    + ", which owns its devcontainer: " + e.getMessage(), showErrors() ? e : null);
        }
        boolean anyDeclares = session.getProjects().stream().anyMatch(this::declaresPlugin);
        if (anyDeclares && !declaresPlugin(project)) {
            // a goal typed on the command line runs in every project; one that does not declare the
            // plugin has no configuration of the devcontainer to apply (an aggregator that is no parent)
            getLog().info("Skipping devcontainer:" + goal() + " in " + project.getArtifactId() + ": it does not"
                    + " declare the plugin; a project of the reactor that does handles its devcontainer ("
                    + directory() + ")");
            return false;
        }
        MavenProject designated = reactor.designated(session, p -> !anyDeclares || declaresPlugin(p));
        MavenProject asking = designated != null ? designated : project;
        BuildClaims.Claim claim = Reactor.claims(session).claim(reactor.ownerFolder(), asking.getArtifactId(),
                Reactor.folder(asking));
        Map<String, String> identifying = identifyingSettings();
        if (claim.heldBy(Reactor.folder(project))) {
            claim.record(identifying);
            return true;
        }
        List<BuildClaims.Mismatch> mismatches = claim.mismatches(identifying);
        if (!mismatches.isEmpty()) {
            throw new SecondDevcontainerException(project.getArtifactId(), claim.holder(), mismatches,
                    reactor.ownerFolder().resolve("pom.xml"));
        }
        getLog().info("Skipping devcontainer:" + goal() + " in " + project.getArtifactId() + ": the reactor's devcontainer ("
                + directory() + ") is handled once per build, by " + claim.holder());
        return false;
    }

    /** Whether a project declares this plugin in its build (its own pom or a parent's), not only on the command line. */
    private boolean declaresPlugin(MavenProject candidate) {
        if (mojoExecution == null) {
            return true;
        }
        String key = mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId();
        return candidate.getBuildPlugins().stream().anyMatch(plugin -> key.equals(plugin.getKey()));
    }

    /**
     * The settings that tell one devcontainer from another, by parameter name: two projects of a
     * reactor that give different values would make two. Goals add theirs.
     */
    Map<String, String> identifyingSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("directory", directory().getAbsolutePath());
        return settings;
    }

    /** The devcontainer's folder: {@code directory}, else {@code .devcontainer} in the owner's folder. */
    File directory() {
        if (directory != null) {
            return directory;
        }
        if (reactor != null) {
            return reactor.ownerFolder().resolve(".devcontainer").toFile();
        }
        return new File(project == null ? new File(".") : project.getBasedir(), ".devcontainer");
    }

    /**
     * The project the devcontainer belongs to: the reactor's top-level project, whose name, version
     * and folder the devcontainer takes, whichever module does the work.
     */
    MavenProject owner() {
        return reactor != null ? reactor.owner() : project;
    }

    /** Where this project stands in its reactor; null without a Maven project (a goal run by a unit test). */
    Reactor reactor() {
        return reactor;
    }

    /** Whether the goal was started from the command line ({@code mvn devcontainer:generate}), not bound to a phase. */
    boolean fromCommandLine() {
        return mojoExecution == null || "default-cli".equals(mojoExecution.getExecutionId());
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
