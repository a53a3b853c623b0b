package io.github.dind.devcontainer.run;

import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.MountSpec;
import io.github.dind.devcontainer.devcontainer.RunArgs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code docker run} a devcontainer client performs for a devcontainer.json and an image — pure,
 * no Docker. Follows devcontainers/cli, singleContainer.ts {@code spawnDevContainer}: the entrypoint
 * becomes {@code /bin/sh} running {@link #clientScript} (with the Features' entrypoints), and the image's ENTRYPOINT and CMD are
 * appended as its arguments only when {@code overrideCommand} is false; {@code containerEnv} becomes
 * {@code -e}, {@code containerUser} {@code -u}, {@code mounts} {@code --mount}; the runArgs follow as
 * written, then {@code --init}, {@code --privileged}, {@code --cap-add} and {@code --security-opt}.
 *
 * <p>verify starts the container from {@link #volumes()}, {@link #environment()}, {@link #network()}
 * and the other effective values: each volume becomes a fresh per-run volume, bind mounts are
 * reported and not performed (verify mounts no host paths), and of the runArgs only
 * {@code --network}/{@code --net}, {@code --privileged}, {@code --init}, {@code --cap-add},
 * {@code --security-opt}, {@code --add-host} and {@code -e}/{@code --env} are emulated; any other
 * gives a warning naming it.
 *
 * <p>Its length is the devcontainer CLI's {@code spawnDevContainer} followed property by property,
 * with an accessor for each part verify launches.
 */
public final class ClientLaunch {
    /** The script clients run with {@code /bin/sh -c} when no Feature has an entrypoint (the empty line is theirs). */
    public static final String CLIENT_SCRIPT = clientScript(List.of());
    public static final String ENTRYPOINT = "/bin/sh";

    private final String image;
    private final LaunchSettings settings;
    private final ImageConfig config;
    private final RunArgs runArgs;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private List<VerifyMount> verifyMounts = List.of();
    private Map<String, String> labels = Map.of();

    private ClientLaunch(String image, LaunchSettings settings, ImageConfig config) {
        this.image = image;
        this.settings = settings;
        this.config = config;
        this.runArgs = RunArgs.parse(settings.runArgs());
        environment.putAll(settings.environment());
        environment.putAll(runArgs.environment);
        warnings.addAll(runArgs.warnings);
        for (MountSpec mount : settings.mounts()) {
            if (mount.isBind()) {
                warnings.add("The bind mount " + mount.mountArgument() + " is not performed: verify mounts no host paths");
            } else if (!mount.isVolume()) {
                warnings.add("The mount " + mount.mountArgument() + " is not performed: verify emulates volume mounts only");
            }
        }
    }

    /** The launch of {@code image} (as named to the daemon) with its inspected {@code config}. */
    public static ClientLaunch of(String image, LaunchSettings settings, ImageConfig config) {
        return new ClientLaunch(image, settings, config);
    }

    /**
     * The arguments of the client's {@code docker run}, in its order (devcontainers/cli,
     * singleContainer.ts), without what depends on the client's machine: the workspace mount and
     * the id and metadata labels. A {@code "privileged": true} is written once even when the runArgs
     * say {@code --privileged} too.
     */
    public List<String> dockerRunArgs() {
        List<String> args = new ArrayList<>(List.of("run", "--sig-proxy=false", "-a", "STDOUT", "-a", "STDERR"));
        for (MountSpec mount : settings.mounts()) {
            args.addAll(List.of("--mount", mount.mountArgument()));
        }
        settings.environment().forEach((k, v) -> args.addAll(List.of("-e", k + "=" + v)));
        if (settings.containerUser() != null) {
            args.addAll(List.of("-u", settings.containerUser()));
        }
        args.addAll(settings.runArgs());
        if (settings.init()) {
            args.add("--init");
        }
        if (settings.privileged() && !settings.runArgs().contains("--privileged")) {
            args.add("--privileged");
        }
        settings.capAdd().forEach(c -> args.addAll(List.of("--cap-add", c)));
        settings.securityOpt().forEach(o -> args.addAll(List.of("--security-opt", o)));
        args.addAll(List.of("--entrypoint", ENTRYPOINT, image));
        args.addAll(command());
        return args;
    }

    /** The arguments after the image: {@code -c SCRIPT -}, then ENTRYPOINT and CMD when overrideCommand is false. */
    public List<String> command() {
        List<String> command = new ArrayList<>(List.of("-c", clientScript(settings.entrypoints()), "-"));
        if (!settings.overrideCommand()) {
            command.addAll(config.entrypoint());
            command.addAll(config.cmd());
        }
        return command;
    }

    /**
     * The script clients run with {@code /bin/sh -c}: the Features' entrypoints, one per line, before
     * the image's command (devcontainers/cli, singleContainer.ts {@code spawnDevContainer}).
     */
    public static String clientScript(List<String> entrypoints) {
        return "echo Container started\ntrap \"exit 0\" 15\n" + String.join("\n", entrypoints) + "\nexec \"$@\"\n"
                + "while sleep 1 & wait $!; do :; done";
    }

    public String image() {
        return image;
    }

    public boolean privileged() {
        return settings.privileged();
    }

    public boolean init() {
        return settings.init() || runArgs.init;
    }

    /**
     * A mount verify adds for its project-build check: the project's folder (a bind mount, at the
     * path clients use) or a named volume kept between runs (Maven's local repository), created
     * when missing with {@code labels} and none of the run's, so no cleanup removes it.
     */
    public record VerifyMount(boolean bind, String source, String target, Map<String, String> labels) {
        public VerifyMount {
            labels = Map.copyOf(labels);
        }
    }

    /** This launch with verify's own mounts; devcontainer.json's volume at the same target gives way. */
    public ClientLaunch withVerifyMounts(List<VerifyMount> mounts) {
        this.verifyMounts = List.copyOf(mounts);
        return this;
    }

    /** This launch with labels of verify's own on the container and its per-run volumes (a client adds its id labels). */
    public ClientLaunch withLabels(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
        return this;
    }

    /** Verify's own labels, added to the run's ({@link ResourceTracker#labels}). */
    public Map<String, String> labels() {
        return labels;
    }

    /** Verify's own mounts (empty unless project-build asked for them). */
    public List<VerifyMount> verifyMounts() {
        return verifyMounts;
    }

    /** The volumes to mount, each as a fresh labelled volume of this run (but where a {@link VerifyMount} goes). */
    public List<MountSpec> volumes() {
        return settings.mounts().stream().filter(MountSpec::isVolume)
                .filter(v -> verifyMounts.stream().noneMatch(m -> m.target().equals(v.target()))).toList();
    }

    /** The bind mounts devcontainer.json asks for; reported in {@link #warnings()}, not performed. */
    public List<MountSpec> binds() {
        return settings.mounts().stream().filter(MountSpec::isBind).toList();
    }

    /** containerEnv, then the runArgs' {@code -e NAME=VALUE} (a later one wins, as in docker). */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    /** The {@code -u} user (containerUser), or null for the image's USER. */
    public String user() {
        return settings.containerUser();
    }

    /** The user lifecycle commands and checks run as. */
    public String remoteUser() {
        return settings.userFor(config);
    }

    /** The network from the runArgs, or null for the daemon's default. */
    public String network() {
        return runArgs.network;
    }

    /** capAdd, then the runArgs' {@code --cap-add}. */
    public List<String> capAdd() {
        return concat(settings.capAdd(), runArgs.capAdd);
    }

    /** securityOpt, then the runArgs' {@code --security-opt}. */
    public List<String> securityOpt() {
        return concat(settings.securityOpt(), runArgs.securityOpt);
    }

    public List<String> extraHosts() {
        return List.copyOf(runArgs.extraHosts);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    /** What verify does not emulate: bind mounts, unsupported runArgs; one sentence each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** For the log: privileged or not, the entrypoint, init, volumes. */
    public String describe() {
        return (privileged() ? "privileged" : "NOT privileged")
                + (settings.overrideCommand() ? ", entrypoint replaced by the client (overrideCommand is not false)"
                        : ", entrypoint kept (overrideCommand false)")
                + (init() ? ", with docker --init" : "")
                + (volumes().isEmpty() ? "" : ", volumes at " + String.join(", ", settings.volumeTargets()))
                + (network() == null ? "" : ", network " + network())
                + ", no terminal";
    }
}
