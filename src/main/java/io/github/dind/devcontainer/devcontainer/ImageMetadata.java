package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code devcontainer.metadata} image label: the devcontainer configuration an image carries, so
 * that a client given only {@code {"image": "..."}} starts it as the full devcontainer.json says.
 *
 * <p>Format: containers.dev, "Image metadata" (implementors/spec, "Merge logic"): a JSON array of
 * objects (a single object is accepted too), each holding devcontainer.json properties. What is
 * recorded and how entries merge follows the reference implementation, devcontainers/cli
 * {@code src/spec-node/imageMetadata.ts}: {@code pickConfigProperties} names the properties copied
 * from a devcontainer.json.
 *
 * <p>How entries merge with the devcontainer.json a client opens is {@link LaunchSettings#merged}'s.
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
        return label(List.of(), devcontainerJson, origin);
    }

    /**
     * The label value with {@code before} (the Features' entries, in install order) ahead of
     * devcontainer.json's entry, as devcontainers/cli writes it on an image it builds with Features
     * (imageMetadata.ts {@code getDevcontainerMetadata}).
     *
     * @throws IOException when the text is not a JSON object with comments; the message names the origin
     */
    public static String label(List<ObjectNode> before, String devcontainerJson, String origin) throws IOException {
        ArrayNode entries = JSONC.createArrayNode();
        before.forEach(entries::add);
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
     * True when a devcontainer.json starts a named image (no {@code build}, {@code dockerFile} or
     * {@code dockerComposeFile}): only then does a client read that image's label for it.
     *
     * @throws IOException when the text is not a JSON object with comments
     */
    public static boolean isImageBased(String devcontainerJson, String origin) throws IOException {
        ObjectNode config = object(devcontainerJson, origin);
        return config.has("image") && !config.has("build") && !config.has("dockerFile") && !config.has("dockerComposeFile");
    }

    /**
     * devcontainer.json as a JSON object (comments and trailing commas allowed).
     *
     * @throws IOException when the text is not a JSON object with comments; the message names the origin
     */
    public static ObjectNode configObject(String json, String origin) throws IOException {
        return object(json, origin);
    }

    static ObjectNode object(String json, String origin) throws IOException {
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

    /** {@code pickConfigProperties}: the {@link #PROPERTIES} a devcontainer.json sets. */
    static ObjectNode pick(ObjectNode config) {
        ObjectNode picked = JSONC.createObjectNode();
        for (String property : PROPERTIES) {
            if (config.has(property)) {
                picked.set(property, config.get(property).deepCopy());
            }
        }
        return picked;
    }
}
