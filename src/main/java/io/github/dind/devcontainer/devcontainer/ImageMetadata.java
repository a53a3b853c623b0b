package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code devcontainer.metadata} image label: the devcontainer configuration an image carries, so
 * that a client given only {@code {"image": "..."}} starts it as the full devcontainer.json says.
 *
 * <p>Format: containers.dev, "Image metadata" (implementors/spec, "Merge logic"): a JSON array of
 * objects (a single object is accepted too), each holding devcontainer.json properties. What is
 * recorded and how entries merge follows the reference implementation, devcontainers/cli
 * {@code src/spec-node/imageMetadata.ts}: {@code pickConfigProperties} names the properties copied
 * from a devcontainer.json, {@code mergeConfiguration} merges the entries with the devcontainer.json
 * a client opens, which counts as the last entry.
 *
 * <p>Its length is the containers.dev merge rules, one small method per kind of property (union,
 * last wins, mounts by target, hooks as lists), kept together so they read against the spec's
 * table.
 */
public final class ImageMetadata {
    /** The label's name. */
    public static final String LABEL = "devcontainer.metadata";

    /** devcontainers/cli {@code pickConfigProperties}: what an image may carry from a devcontainer.json. */
    public static final List<String> PROPERTIES = List.of("onCreateCommand", "updateContentCommand",
            "postCreateCommand", "postStartCommand", "postAttachCommand", "waitFor", "customizations", "mounts",
            "containerEnv", "containerUser", "init", "privileged", "capAdd", "securityOpt", "remoteUser",
            "userEnvProbe", "remoteEnv", "overrideCommand", "portsAttributes", "otherPortsAttributes",
            "forwardPorts", "shutdownAction", "updateRemoteUserUID", "hostRequirements");

    private static final List<String> HOOKS = List.of("onCreateCommand", "updateContentCommand",
            "postCreateCommand", "postStartCommand", "postAttachCommand");

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private ImageMetadata() {
    }

    /**
     * The label value for an image built from a project whose devcontainer.json is {@code devcontainerJson}:
     * a one-entry array with the {@link #PROPERTIES} it sets, as written (variables such as
     * {@code ${devcontainerId}} are left for the client to substitute, as it does for features).
     *
     * @param origin where the text comes from, for the message
     * @throws IOException when the text is not a JSON object with comments; the message names the origin
     */
    public static String label(String devcontainerJson, String origin) throws IOException {
        ArrayNode entries = JSONC.createArrayNode();
        entries.add(pick(object(devcontainerJson, origin)));
        return JSONC.writeValueAsString(entries);
    }

    /**
     * The entries of a label value, as the devcontainer CLI reads them ({@code getImageMetadata}): an
     * array of objects, or one object; anything else is an error.
     *
     * @throws IOException when the value is neither
     */
    public static List<ObjectNode> entries(String labelValue) throws IOException {
        JsonNode node;
        try {
            node = JSONC.readTree(labelValue);
        } catch (IOException e) {
            throw new IOException("The " + LABEL + " label is not JSON: " + e.getMessage(), e);
        }
        List<ObjectNode> entries = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            entries.add(object);
        } else if (node != null && node.isArray()) {
            for (JsonNode entry : node) {
                if (!(entry instanceof ObjectNode object)) {
                    throw new IOException("The " + LABEL + " label holds an entry that is not an object: " + entry);
                }
                entries.add(object);
            }
        } else {
            throw new IOException("The " + LABEL + " label is neither an array of objects nor an object");
        }
        return entries;
    }

    /**
     * The configuration a client acts on when it opens {@code devcontainerJson} with an image whose
     * label holds {@code imageEntries}, as a devcontainer.json that {@link LaunchSettings#parse} reads.
     * Merge rules of {@code mergeConfiguration}: {@code privileged} and {@code init} true when any entry
     * says so; {@code capAdd}, {@code securityOpt} united; {@code mounts} one per target, the later
     * entry winning; {@code containerEnv}, {@code remoteEnv} merged key by key, later winning;
     * {@code remoteUser}, {@code containerUser}, {@code overrideCommand} and the other single values
     * from the last entry that sets them; every entry's lifecycle command runs, in order (written here
     * as the object form when there is more than one).
     *
     * @throws IOException when devcontainerJson is not a JSON object with comments
     */
    public static String merge(List<ObjectNode> imageEntries, String devcontainerJson, String origin) throws IOException {
        ObjectNode config = object(devcontainerJson, origin);
        List<ObjectNode> all = new ArrayList<>(imageEntries);
        all.add(pick(config));
        ObjectNode merged = config.deepCopy();
        merged.put("privileged", all.stream().anyMatch(e -> e.path("privileged").asBoolean(false)));
        merged.put("init", all.stream().anyMatch(e -> e.path("init").asBoolean(false)));
        union(all, "capAdd", merged);
        union(all, "securityOpt", merged);
        mergeMounts(all, merged);
        assign(all, "containerEnv", merged);
        assign(all, "remoteEnv", merged);
        for (String single : List.of("remoteUser", "containerUser", "waitFor", "userEnvProbe", "shutdownAction",
                "otherPortsAttributes")) {
            last(all, single, false).ifPresentOrElse(v -> merged.set(single, v), () -> merged.remove(single));
        }
        for (String flag : List.of("overrideCommand", "updateRemoteUserUID")) {
            last(all, flag, true).ifPresentOrElse(v -> merged.set(flag, v), () -> merged.remove(flag));
        }
        for (String hook : HOOKS) {
            mergeHook(all, hook, merged);
        }
        return JSONC.writeValueAsString(merged);
    }

    /**
     * True when a devcontainer.json starts a named image (no {@code build}, {@code dockerFile} or
     * {@code dockerComposeFile}): only then does a client read that image's label for it.
     *
     * @throws IOException when the text is not a JSON object with comments
     */
    public static boolean isImageBased(String devcontainerJson, String origin) throws IOException {
        ObjectNode config = object(devcontainerJson, origin);
        return config.has("image") && !config.has("build") && !config.has("dockerFile") && !config.has("dockerComposeFile");
    }

    private static ObjectNode object(String json, String origin) throws IOException {
        JsonNode node;
        try {
            node = JSONC.readTree(json);
        } catch (IOException e) {
            throw new IOException("Cannot read " + origin + " as JSON with comments: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IOException(origin + " is not a JSON object");
        }
        return object;
    }

    private static ObjectNode pick(ObjectNode config) {
        ObjectNode picked = JSONC.createObjectNode();
        for (String property : PROPERTIES) {
            if (config.has(property)) {
                picked.set(property, config.get(property).deepCopy());
            }
        }
        return picked;
    }

    private static void union(List<ObjectNode> entries, String property, ObjectNode merged) {
        Set<String> values = new LinkedHashSet<>();
        entries.forEach(e -> e.path(property).forEach(v -> values.add(v.asText())));
        if (values.isEmpty()) {
            merged.remove(property);
        } else {
            ArrayNode array = merged.putArray(property);
            values.forEach(array::add);
        }
    }

    private static void assign(List<ObjectNode> entries, String property, ObjectNode merged) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        entries.forEach(e -> e.path(property).fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue())));
        if (values.isEmpty()) {
            merged.remove(property);
        } else {
            ObjectNode object = merged.putObject(property);
            values.forEach(object::set);
        }
    }

    /** {@code mergeMounts}: all mounts in order; of those with the same target only the last stays, in its place. */
    private static void mergeMounts(List<ObjectNode> entries, ObjectNode merged) {
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
        if (kept.isEmpty()) {
            merged.remove("mounts");
        } else {
            merged.putArray("mounts").addAll(kept);
        }
    }

    private static java.util.Optional<JsonNode> last(List<ObjectNode> entries, String property, boolean booleanOnly) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode value = entries.get(i).get(property);
            if (value == null || value.isNull()) {
                continue;
            }
            if (booleanOnly ? value.isBoolean() : truthy(value)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }

    /** JavaScript truthiness, as {@code reversed.find(entry => entry.x)} applies it. */
    private static boolean truthy(JsonNode value) {
        return !(value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isBoolean() && !value.asBoolean()) || (value.isNumber() && value.asDouble() == 0));
    }

    /**
     * Every entry's command for the hook, in order. One command stays as written; several become the
     * object form, keyed by position, an object command contributing each of its own entries.
     */
    private static void mergeHook(List<ObjectNode> entries, String hook, ObjectNode merged) {
        List<JsonNode> commands = new ArrayList<>();
        entries.forEach(e -> {
            JsonNode command = e.get(hook);
            if (command != null && truthy(command)) {
                commands.add(command);
            }
        });
        if (commands.isEmpty()) {
            merged.remove(hook);
        } else if (commands.size() == 1) {
            merged.set(hook, commands.get(0));
        } else {
            ObjectNode parallel = merged.putObject(hook);
            for (int i = 0; i < commands.size(); i++) {
                JsonNode command = commands.get(i);
                if (command.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = command.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        parallel.set(i + "-" + entry.getKey(), entry.getValue());
                    }
                } else {
                    parallel.set(String.valueOf(i), command);
                }
            }
        }
    }
}
