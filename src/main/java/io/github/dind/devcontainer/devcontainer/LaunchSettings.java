package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a devcontainer client starts the container: the merged configuration of {@code devcontainer.json}
 * (JSONC; the properties of containers.dev's "devcontainer.json reference") and the image's
 * {@code devcontainer.metadata} entries, typed: privileged or not, whether it replaces the image's
 * command ({@code overrideCommand}, true unless set to false), Docker's {@code --init}, the mounts,
 * the environment, {@code capAdd}, {@code securityOpt}, the raw {@code runArgs}, the lifecycle hooks
 * and the users. {@link ClientLaunch} turns these and the image's config into the {@code docker run}
 * a client performs.
 *
 * <p>The merge follows devcontainers/cli, imageMetadata.ts {@code mergeConfiguration} over the
 * entries with devcontainer.json's own last ({@link ConfigurationEntries}); its golden cases come from
 * the CLI's {@code read-configuration --include-merged-configuration} (src/test/resources/golden/merge).
 *
 * @param privileged true when any entry says so, or {@code --privileged} among the runArgs
 * @param mounts every entry's {@code mounts}, volumes and binds alike, one per target (the last wins, in its place)
 * @param runArgs devcontainer.json's {@code runArgs} as written (an image carries none)
 * @param lifecycle the hooks present, in the order a client runs them ({@link LifecycleCommand#HOOKS}), each
 *        with every entry's command
 * @param entrypoints the Features' {@code entrypoint}s, in install order (the CLI's {@code entrypoints})
 * @param remoteUser {@code remoteUser}, else {@code containerUser}; null when neither is set (then the image's USER)
 * @param containerUser {@code containerUser} (the client's {@code docker run -u}); null when not set
 */
public record LaunchSettings(
        boolean privileged,
        boolean overrideCommand,
        boolean init,
        List<MountSpec> mounts,
        Map<String, String> environment,
        List<String> runArgs,
        List<String> capAdd,
        List<String> securityOpt,
        List<LifecycleHook> lifecycle,
        String remoteUser,
        String containerUser,
        List<String> entrypoints) {

    public LaunchSettings {
        mounts = List.copyOf(mounts);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        runArgs = List.copyOf(runArgs);
        capAdd = List.copyOf(capAdd);
        securityOpt = List.copyOf(securityOpt);
        lifecycle = List.copyOf(lifecycle);
        entrypoints = List.copyOf(entrypoints);
    }

    /** Without Features' entrypoints. */
    public LaunchSettings(boolean privileged, boolean overrideCommand, boolean init, List<MountSpec> mounts,
            Map<String, String> environment, List<String> runArgs, List<String> capAdd, List<String> securityOpt,
            List<LifecycleHook> lifecycle, String remoteUser, String containerUser) {
        this(privileged, overrideCommand, init, mounts, environment, runArgs, capAdd, securityOpt, lifecycle, remoteUser,
                containerUser, List.of());
    }

    /**
     * @throws IOException when the file cannot be read or is not JSON with comments; the message names the file
     */
    public static LaunchSettings read(Path devcontainerJson) throws IOException {
        String text;
        try {
            text = Files.readString(devcontainerJson);
        } catch (IOException e) {
            throw new IOException("Cannot read " + devcontainerJson + ": " + e.getMessage(), e);
        }
        return parse(text, devcontainerJson.toString());
    }

    /**
     * devcontainer.json alone, as a client reads a configuration whose image carries no label.
     *
     * @param origin where the text comes from, for the message
     * @throws IOException when the text is not a JSON object with comments; the message names the origin
     */
    public static LaunchSettings parse(String devcontainerJson, String origin) throws IOException {
        return merged(List.of(), devcontainerJson, origin);
    }

    /**
     * devcontainer.json merged with the image's {@code devcontainer.metadata} entries
     * ({@link ImageMetadata#entries}), as a client merges them: the entries first, devcontainer.json's
     * {@link ImageMetadata#PROPERTIES} last.
     *
     * @param origin where the text comes from, for the message
     * @throws IOException when the text is not a JSON object with comments; the message names the origin
     */
    public static LaunchSettings merged(List<ObjectNode> imageEntries, String devcontainerJson, String origin)
            throws IOException {
        ObjectNode config = ImageMetadata.object(devcontainerJson, origin);
        List<ObjectNode> all = new ArrayList<>(imageEntries);
        all.add(ImageMetadata.pick(config));
        ConfigurationEntries entries = new ConfigurationEntries(all);
        List<String> runArgs = strings(config.path("runArgs"));

        List<MountSpec> mounts = new ArrayList<>();
        for (JsonNode mount : entries.mounts()) {
            if (mount.isTextual()) {
                mounts.add(MountSpec.parse(mount.asText()));
            } else if (mount.isObject()) {
                mounts.add(MountSpec.of(mount.path("type").asText("volume"), text(mount, "source"), text(mount, "target")));
            }
        }
        List<LifecycleHook> lifecycle = new ArrayList<>();
        for (String hook : LifecycleCommand.HOOKS) {
            List<LifecycleCommand> commands = new ArrayList<>();
            entries.hook(hook).forEach(node -> lifecycleCommand(hook, node).ifPresent(commands::add));
            if (!commands.isEmpty()) {
                lifecycle.add(new LifecycleHook(hook, commands));
            }
        }
        String containerUser = entries.lastText("containerUser").orElse(null);
        String remoteUser = entries.lastText("remoteUser").orElse(containerUser);
        return new LaunchSettings(entries.any("privileged") || runArgs.contains("--privileged"),
                entries.lastBoolean("overrideCommand").orElse(true), entries.any("init"), mounts,
                entries.assign("containerEnv"), runArgs, entries.union("capAdd"), entries.union("securityOpt"),
                lifecycle, remoteUser, containerUser, entries.collect("entrypoint"));
    }

    /**
     * One hook in the spec's forms; empty when absent or empty (a client skips an empty string,
     * array or object: devcontainers/cli, injectHeadless.ts {@code hasCommand}).
     */
    static Optional<LifecycleCommand> lifecycleCommand(String hook, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return Optional.of(LifecycleCommand.shell(hook, node.asText()));
        }
        if (node.isArray() && !node.isEmpty()) {
            return Optional.of(LifecycleCommand.exec(hook, strings(node)));
        }
        if (node.isObject() && !node.isEmpty()) {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().isArray() ? strings(e.getValue())
                    : LifecycleCommand.shellArgv(e.getValue().asText())));
            return Optional.of(new LifecycleCommand(hook, entries, true));
        }
        return Optional.empty();
    }

    /** The targets of the named and anonymous volumes a client mounts. */
    public List<String> volumeTargets() {
        return mounts.stream().filter(MountSpec::isVolume).map(MountSpec::target).toList();
    }

    /** One hook ({@link LifecycleCommand#HOOKS}) with its commands, when any configuration sets it. */
    public Optional<LifecycleHook> lifecycleHook(String hook) {
        return lifecycle.stream().filter(c -> c.hook().equals(hook)).findFirst();
    }

    /** The user lifecycle commands run as: {@code remoteUser}, else {@code containerUser}, else the image's USER, else root. */
    public String userFor(ImageConfig image) {
        if (remoteUser != null && !remoteUser.isBlank()) {
            return remoteUser;
        }
        return image.user() == null || image.user().isBlank() ? "root" : image.user();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() || value.isNumber() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
