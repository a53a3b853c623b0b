package io.github.dind.devcontainer.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed merge against the real devcontainer CLI: each folder of src/test/resources/golden/merge
 * holds an image label ({@code label.json}, none for an image without one), a devcontainer.json naming
 * that image, and {@code merged.json}, the CLI's {@code read-configuration
 * --include-merged-configuration} output for them (src/test/golden/regenerate-merge writes it). Every
 * property the plugin launches from is compared: the flags, users, environment, capabilities,
 * security options, mounts, the Features' entrypoints, and each hook's list of commands in order.
 */
class LaunchSettingsGoldenTest {
    private static final Path CASES = Path.of("src/test/resources/golden/merge");
    private static final JsonMapper JSON = new JsonMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergesAsTheDevcontainerCliDoes(String name) throws Exception {
        Path folder = CASES.resolve(name);
        Path label = folder.resolve("label.json");
        List<com.fasterxml.jackson.databind.node.ObjectNode> entries = Files.exists(label)
                ? ImageMetadata.entries(Files.readString(label)) : List.of();
        JsonNode cli = JSON.readTree(folder.resolve("merged.json").toFile());

        LaunchSettings ours = LaunchSettings.merged(entries, Files.readString(folder.resolve("devcontainer.json")), name);

        assertThat(ours.privileged()).as("privileged").isEqualTo(cli.path("privileged").asBoolean());
        assertThat(ours.init()).as("init").isEqualTo(cli.path("init").asBoolean());
        // absent in the CLI's output: a client overrides the command
        assertThat(ours.overrideCommand()).as("overrideCommand").isEqualTo(cli.path("overrideCommand").asBoolean(true));
        assertThat(ours.remoteUser()).as("remoteUser").isEqualTo(text(cli, "remoteUser", text(cli, "containerUser", null)));
        assertThat(ours.containerUser()).as("containerUser").isEqualTo(text(cli, "containerUser", null));
        assertThat(ours.environment()).as("containerEnv").isEqualTo(strings(cli.path("containerEnv")));
        assertThat(ours.capAdd()).as("capAdd").isEqualTo(list(cli.path("capAdd")));
        assertThat(ours.securityOpt()).as("securityOpt").isEqualTo(list(cli.path("securityOpt")));
        List<MountSpec> mounts = new ArrayList<>();
        for (JsonNode mount : cli.path("mounts")) {
            mounts.add(mount.isTextual() ? MountSpec.parse(mount.asText())
                    : MountSpec.of(mount.path("type").asText(), mount.path("source").asText(), mount.path("target").asText()));
        }
        assertThat(ours.mounts()).as("mounts").isEqualTo(mounts);
        assertThat(ours.entrypoints()).as("entrypoints").isEqualTo(list(cli.path("entrypoints")));
        for (String hook : LifecycleCommand.HOOKS) {
            // the CLI keeps a command that is set but empty ("", [], {}) and skips it when running
            List<LifecycleCommand> expected = new ArrayList<>();
            cli.path(hook + "s").forEach(node -> LaunchSettings.lifecycleCommand(hook, node).ifPresent(expected::add));
            assertThat(ours.lifecycleHook(hook).map(LifecycleHook::commands).orElse(List.of())).as(hook).isEqualTo(expected);
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        return node.hasNonNull(field) ? node.get(field).asText() : otherwise;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        return values;
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
