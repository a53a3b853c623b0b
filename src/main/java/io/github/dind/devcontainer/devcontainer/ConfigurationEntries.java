package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration entries a client merges — the image's {@code devcontainer.metadata} entries, then
 * devcontainer.json's — with one method per merge rule of devcontainers/cli, imageMetadata.ts
 * {@code mergeConfiguration} (containers.dev, implementors' spec, "Merge logic"): any, last, union,
 * assign, mounts by target, hooks as lists. JavaScript truthiness decides, as the CLI's
 * {@code entries.some(e => e.x)} and {@code reversed.find(e => e.x)} do.
 */
final class ConfigurationEntries {
    private final List<ObjectNode> entries;

    ConfigurationEntries(List<ObjectNode> entries) {
        this.entries = List.copyOf(entries);
    }

    /** {@code entries.some(entry => entry.x)}: {@code privileged}, {@code init}. */
    boolean any(String property) {
        return entries.stream().anyMatch(e -> truthy(e.path(property)));
    }

    /** {@code reversed.find(entry => typeof entry.x === 'boolean')}: {@code overrideCommand}, {@code updateRemoteUserUID}. */
    Optional<Boolean> lastBoolean(String property) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode value = entries.get(i).path(property);
            if (value.isBoolean()) {
                return Optional.of(value.asBoolean());
            }
        }
        return Optional.empty();
    }

    /** {@code reversed.find(entry => entry.x)}: {@code remoteUser}, {@code containerUser} ... */
    Optional<String> lastText(String property) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode value = entries.get(i).path(property);
            if (truthy(value)) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    /** {@code collectOrUndefined}: every entry's value that is set, in order: the Features' {@code entrypoint}s. */
    List<String> collect(String property) {
        List<String> values = new ArrayList<>();
        entries.forEach(e -> {
            if (truthy(e.path(property))) {
                values.add(e.path(property).asText());
            }
        });
        return values;
    }

    /** {@code unionOrUndefined}: every entry's values in order, each once: {@code capAdd}, {@code securityOpt}. */
    List<String> union(String property) {
        Set<String> values = new LinkedHashSet<>();
        entries.forEach(e -> e.path(property).forEach(v -> values.add(v.asText())));
        return List.copyOf(values);
    }

    /** {@code Object.assign({}, ...entries.map(e => e.x))}: key by key, a later entry winning: {@code containerEnv}. */
    Map<String, String> assign(String property) {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> e.path(property).fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText())));
        return values;
    }

    /** {@code mergeMounts}: every entry's mounts in order; of those with one target only the last stays, in its place. */
    List<JsonNode> mounts() {
        List<JsonNode> mounts = new ArrayList<>();
        entries.forEach(e -> e.path("mounts").forEach(mounts::add));
        List<JsonNode> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = mounts.size() - 1; i >= 0; i--) {
            JsonNode mount = mounts.get(i);
            String target = mount.isTextual() ? MountSpec.parse(mount.asText()).target() : mount.path("target").asText(null);
            if (seen.add(String.valueOf(target))) {
                kept.add(0, mount);
            }
        }
        return kept;
    }

    /** {@code mergeLifecycleHooks}: every entry's command for the hook, in order, those that are set. */
    List<JsonNode> hook(String hook) {
        List<JsonNode> commands = new ArrayList<>();
        entries.forEach(e -> {
            JsonNode command = e.path(hook);
            if (truthy(command)) {
                commands.add(command);
            }
        });
        return commands;
    }

    /** JavaScript truthiness of a JSON value (an empty array or object is truthy there too). */
    static boolean truthy(JsonNode value) {
        return !(value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isBoolean() && !value.asBoolean()) || (value.isNumber() && value.asDouble() == 0));
    }
}
