package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a devcontainer client starts the container, read from {@code devcontainer.json} (JSONC; the
 * properties of containers.dev's "devcontainer.json reference"): privileged or not, whether it
 * replaces the image's command ({@code overrideCommand}, true unless set to false), Docker's
 * {@code --init}, the mounts, the environment, {@code capAdd}, {@code securityOpt}, the raw
 * {@code runArgs}, the lifecycle commands and the users. {@link ClientLaunch} turns these and the
 * image's config into the {@code docker run} a client performs.
 *
 * @param privileged {@code "privileged": true}, or {@code --privileged} among the runArgs
 * @param mounts every entry of {@code mounts}, volumes and binds alike, in order
 * @param runArgs the {@code runArgs} as written
 * @param lifecycle the lifecycle commands present, in the order a client runs them ({@link LifecycleCommand#HOOKS})
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
        List<LifecycleCommand> lifecycle,
        String remoteUser,
        String containerUser) {

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    public LaunchSettings {
        mounts = List.copyOf(mounts);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        runArgs = List.copyOf(runArgs);
        capAdd = List.copyOf(capAdd);
        securityOpt = List.copyOf(securityOpt);
        lifecycle = List.copyOf(lifecycle);
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
     * @param origin where the text comes from, for the message
     * @throws IOException when the text is not JSON with comments; the message names the origin
     */
    public static LaunchSettings parse(String devcontainerJson, String origin) throws IOException {
        JsonNode config;
        try {
            config = JSONC.readTree(devcontainerJson);
        } catch (IOException e) {
            throw new IOException("Cannot read " + origin + " as JSON with comments: " + e.getMessage(), e);
        }
        List<String> runArgs = strings(config.path("runArgs"));
        boolean privileged = config.path("privileged").asBoolean(false) || runArgs.contains("--privileged");
        boolean overrideCommand = config.path("overrideCommand").asBoolean(true);
        boolean init = config.path("init").asBoolean(false);

        List<MountSpec> mounts = new ArrayList<>();
        for (JsonNode mount : config.path("mounts")) {
            if (mount.isTextual()) {
                mounts.add(MountSpec.parse(mount.asText()));
            } else if (mount.isObject()) {
                mounts.add(MountSpec.of(mount.path("type").asText("volume"), text(mount, "source"), text(mount, "target")));
            }
        }

        Map<String, String> environment = new LinkedHashMap<>();
        config.path("containerEnv").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));

        List<LifecycleCommand> lifecycle = new ArrayList<>();
        for (String hook : LifecycleCommand.HOOKS) {
            lifecycleCommand(hook, config.path(hook)).ifPresent(lifecycle::add);
        }
        String containerUser = text(config, "containerUser");
        String remoteUser = Optional.ofNullable(text(config, "remoteUser")).orElse(containerUser);
        return new LaunchSettings(privileged, overrideCommand, init, mounts, environment, runArgs,
                strings(config.path("capAdd")), strings(config.path("securityOpt")), lifecycle, remoteUser, containerUser);
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

    /** The command of one hook ({@link LifecycleCommand#HOOKS}), when devcontainer.json has it. */
    public Optional<LifecycleCommand> lifecycleCommand(String hook) {
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
