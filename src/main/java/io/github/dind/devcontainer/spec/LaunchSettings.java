package io.github.dind.devcontainer.spec;

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

/**
 * How a devcontainer client starts the container, read from {@code devcontainer.json} (JSONC):
 * privileged or not, whether it replaces the image's command ({@code overrideCommand}, true unless
 * set to false), Docker's {@code --init}, the volumes it mounts, its environment, and the
 * {@code postStartCommand}.
 *
 * @param volumeTargets where named volumes are mounted (bind mounts are left out: verify mounts no host paths)
 * @param postStartCommand the command, as an argv (a string becomes {@code /bin/sh -c string}); empty when none
 * @param network the network of {@code runArgs --network} (or {@code --net}), what the client passes to
 *     {@code docker run}; empty for Docker's default
 */
public record LaunchSettings(
        boolean privileged,
        boolean overrideCommand,
        boolean init,
        List<String> volumeTargets,
        Map<String, String> environment,
        List<String> postStartCommand,
        String remoteUser,
        String network) {

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    public LaunchSettings {
        volumeTargets = List.copyOf(volumeTargets);
        environment = Map.copyOf(environment);
        postStartCommand = List.copyOf(postStartCommand);
        network = network == null ? "" : network;
    }

    /** Settings on Docker's default network. */
    public LaunchSettings(boolean privileged, boolean overrideCommand, boolean init, List<String> volumeTargets,
            Map<String, String> environment, List<String> postStartCommand, String remoteUser) {
        this(privileged, overrideCommand, init, volumeTargets, environment, postStartCommand, remoteUser, "");
    }

    /** What the plugin's own devcontainer.json says, for an image built without one. */
    public static LaunchSettings pluginDefaults() {
        return new LaunchSettings(true, false, false, List.of("/var/lib/docker"), Map.of(),
                List.of("/usr/local/bin/startup.sh"), "root");
    }

    public static LaunchSettings read(Path devcontainerJson) throws IOException {
        JsonNode config;
        try {
            config = JSONC.readTree(Files.readString(devcontainerJson));
        } catch (IOException e) {
            throw new IOException("Cannot read " + devcontainerJson + " as JSON with comments: " + e.getMessage(), e);
        }
        boolean privileged = config.path("privileged").asBoolean(false);
        String network = "";
        List<String> runArgs = new ArrayList<>();
        config.path("runArgs").forEach(arg -> runArgs.add(arg.asText()));
        for (int i = 0; i < runArgs.size(); i++) {
            String arg = runArgs.get(i);
            privileged |= "--privileged".equals(arg);
            if (("--network".equals(arg) || "--net".equals(arg)) && i + 1 < runArgs.size()) {
                network = runArgs.get(++i);
            } else if (arg.startsWith("--network=") || arg.startsWith("--net=")) {
                network = arg.substring(arg.indexOf('=') + 1);
            }
        }
        boolean overrideCommand = config.path("overrideCommand").asBoolean(true);
        boolean init = config.path("init").asBoolean(false);

        List<String> volumes = new ArrayList<>();
        for (JsonNode mount : config.path("mounts")) {
            if (mount.isTextual()) {
                Map<String, String> options = mountOptions(mount.asText());
                if ("volume".equals(options.getOrDefault("type", "volume")) && target(options) != null) {
                    volumes.add(target(options));
                }
            } else if ("volume".equals(mount.path("type").asText()) && mount.hasNonNull("target")) {
                volumes.add(mount.path("target").asText());
            }
        }

        Map<String, String> environment = new LinkedHashMap<>();
        config.path("containerEnv").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));

        List<String> postStart = new ArrayList<>();
        JsonNode command = config.path("postStartCommand");
        if (command.isTextual() && !command.asText().isBlank()) {
            postStart.addAll(List.of("/bin/sh", "-c", command.asText()));
        } else if (command.isArray()) {
            command.forEach(arg -> postStart.add(arg.asText()));
        }
        String remoteUser = config.path("remoteUser").asText(config.path("containerUser").asText("root"));
        return new LaunchSettings(privileged, overrideCommand, init, volumes, environment, postStart, remoteUser, network);
    }

    private static Map<String, String> mountOptions(String spec) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            options.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return options;
    }

    private static String target(Map<String, String> options) {
        for (String key : List.of("target", "dst", "destination")) {
            if (options.containsKey(key)) {
                return options.get(key);
            }
        }
        return null;
    }
}
