package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.devcontainer.DevcontainerJsonException;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.Printable;
import io.github.dind.devcontainer.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * devcontainer.json's {@code build.options}, the arguments a client appends to {@code docker build}
 * as written (devcontainers/cli {@code singleContainer.ts}, {@code buildAndExtendImage}), mapped to
 * what the Docker API's classic builder takes through docker-java's {@code BuildImageCmd}. The docker
 * CLI's forms are accepted: {@code --name=value} and {@code --name value} (two entries).
 *
 * <p>Honoured: {@code --build-arg NAME=VALUE} (and {@code --build-arg NAME}, the value from the
 * environment, left out when unset, as {@code docker build} does), {@code --label NAME=VALUE},
 * {@code --network}, {@code --add-host NAME:IP} (or {@code NAME=IP}), {@code --target},
 * {@code --cache-from}, {@code --no-cache} and {@code --pull} (optionally {@code =true|false}), and
 * {@code --progress}, which only changes how the docker CLI prints and has nothing to do here (the
 * plugin logs every step). Anything else is refused: BuildKit's own options ({@code --secret},
 * {@code --ssh}, {@code --platform}, {@code --build-context} ...) have no classic-builder
 * counterpart, and the rest ({@code --tag}, {@code --file}, resource limits) the plugin does not map.
 *
 * @param args {@code --build-arg}s, later ones winning, as the docker CLI's map of them
 * @param labels {@code --label}s
 * @param network {@code --network}; null when not given
 * @param extraHosts {@code --add-host}s, as {@code NAME:IP}
 * @param target {@code --target}; null when not given
 * @param cacheFrom {@code --cache-from}s
 * @param noCache {@code --no-cache}
 * @param pull {@code --pull}
 */
public record BuildOptions(Map<String, String> args, Map<String, String> labels, String network, List<String> extraHosts,
        String target, List<String> cacheFrom, boolean noCache, boolean pull) {

    /** What BuildKit alone understands: refused with that reason. */
    private static final Set<String> BUILDKIT_ONLY = Set.of("--secret", "--ssh", "--platform", "--build-context",
            "--cache-to", "--output", "-o", "--load", "--push", "--provenance", "--sbom", "--attest", "--allow",
            "--builder", "--metadata-file", "--call", "--check", "--annotation", "--no-cache-filter");
    private static final String NAMES_THE_IMAGE = "the plugin names the image: set " + Setting.ref("imageName")
            + " and " + Setting.ref("tags");
    private static final Map<String, String> PLUGIN_OWNED = Map.of(
            "--tag", NAMES_THE_IMAGE,
            "-t", NAMES_THE_IMAGE,
            "--file", "give the Dockerfile as build.dockerfile",
            "-f", "give the Dockerfile as build.dockerfile",
            "--quiet", "the plugin logs every step",
            "-q", "the plugin logs every step",
            "--iidfile", "the plugin logs the image id");
    private static final Set<String> TAKES_VALUE = Set.of("--build-arg", "--label", "--network", "--add-host",
            "--target", "--cache-from", "--progress");
    private static final Set<String> FLAGS = Set.of("--no-cache", "--pull");

    public BuildOptions {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        extraHosts = List.copyOf(extraHosts);
        cacheFrom = List.copyOf(cacheFrom);
    }

    /** No options. */
    public static final BuildOptions NONE = new BuildOptions(Map.of(), Map.of(), null, List.of(), null, List.of(), false, false);

    /**
     * @param options {@code build.options}, variables substituted
     * @param environment where {@code --build-arg NAME} takes its value
     * @param configFile the devcontainer.json, for messages
     * @throws DevcontainerJsonException naming the first option the classic builder cannot honour,
     *     or one without its value
     */
    public static BuildOptions parse(List<String> options, Map<String, String> environment, Path configFile)
            throws DevcontainerJsonException {
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        String network = null;
        List<String> hosts = new ArrayList<>();
        String target = null;
        List<String> cacheFrom = new ArrayList<>();
        boolean noCache = false;
        boolean pull = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            String inline = equals < 0 ? null : option.substring(equals + 1);
            if (FLAGS.contains(name)) {
                boolean value = inline == null || bool(inline, option, configFile);
                if (name.equals("--no-cache")) {
                    noCache = value;
                } else {
                    pull = value;
                }
                continue;
            }
            if (!TAKES_VALUE.contains(name)) {
                throw refused(option, name, configFile);
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= options.size()) {
                    throw new DevcontainerJsonException(configFile, "build.options", Printable.quote(option)
                            + " needs a value, in the same entry (\"" + name + "=...\") or the next one.");
                }
                value = options.get(++i);
            }
            switch (name) {
                case "--build-arg" -> {
                    int eq = value.indexOf('=');
                    if (eq < 0) {
                        String fromEnvironment = environment.get(value);
                        if (fromEnvironment != null) {
                            args.put(value, fromEnvironment);
                        }
                    } else {
                        args.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                }
                case "--label" -> {
                    int eq = value.indexOf('=');
                    String label = eq < 0 ? value : value.substring(0, eq);
                    if (label.equals(BuildFingerprint.LABEL) || label.equals(ImageMetadata.LABEL)) {
                        throw new DevcontainerJsonException(configFile, "build.options", "--label " + label
                                + " is the plugin's own: it computes that label from the build. Remove the option.");
                    }
                    labels.put(label, eq < 0 ? "" : value.substring(eq + 1));
                }
                case "--network" -> network = value;
                case "--add-host" -> hosts.add(host(value, configFile));
                case "--target" -> target = value;
                case "--cache-from" -> cacheFrom.add(value);
                default -> {
                    // --progress: how the docker CLI prints its output, nothing the daemon sees
                }
            }
        }
        return new BuildOptions(args, labels, network, hosts, target, cacheFrom, noCache, pull);
    }

    private static boolean bool(String value, String option, Path configFile) throws DevcontainerJsonException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> {
                return true;
            }
            case "false", "0" -> {
                return false;
            }
            default -> throw new DevcontainerJsonException(configFile, "build.options", Printable.quote(option)
                    + ": the value must be true or false.");
        }
    }

    /** The docker CLI's {@code ValidateExtraHost}: {@code NAME=IP}, else {@code NAME:IP}; sent as {@code NAME:IP}. */
    private static String host(String value, Path configFile) throws DevcontainerJsonException {
        int at = value.indexOf('=');
        if (at < 0) {
            at = value.indexOf(':');
        }
        if (at <= 0 || at == value.length() - 1) {
            throw new DevcontainerJsonException(configFile, "build.options", "--add-host " + Printable.quote(value)
                    + " must be NAME:IP (or NAME=IP), e.g. --add-host=db:10.0.0.5.");
        }
        return value.substring(0, at) + ":" + value.substring(at + 1);
    }

    private static DevcontainerJsonException refused(String option, String name, Path configFile) {
        String why;
        if (BUILDKIT_ONLY.contains(name)) {
            why = "is BuildKit's. The plugin builds through the Docker API's classic builder (docker-java has no"
                    + " BuildKit), which has no such option: remove it, or build this devcontainer with the devcontainer"
                    + " CLI (devcontainer build) instead of the plugin's build goal.";
        } else if (PLUGIN_OWNED.containsKey(name)) {
            why = "is not taken from devcontainer.json: " + PLUGIN_OWNED.get(name) + ". Remove it.";
        } else if (name.startsWith("-") && name.strip().contains(" ")) {
            why = "holds two arguments in one entry: docker build receives each entry as one argument. Write"
                    + " \"" + name.strip().replaceFirst("\\s+", "=") + "\", or the two as two entries.";
        } else if (!name.startsWith("-")) {
            why = "is not an option: each entry is one argument of docker build (\"--network=host\", or"
                    + " \"--network\" and \"host\" as two entries).";
        } else {
            why = "is not one the plugin maps to the Docker API's build (it maps --build-arg, --label, --network,"
                    + " --add-host, --target, --cache-from, --no-cache, --pull and --progress). Remove it, or build"
                    + " this devcontainer with the devcontainer CLI (devcontainer build).";
        }
        return new DevcontainerJsonException(configFile, "build.options", Printable.quote(option) + " " + why);
    }
}
