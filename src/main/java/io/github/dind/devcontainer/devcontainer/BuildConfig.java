package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a devcontainer.json says to build its image, as the devcontainer CLI reads it, with its
 * {@code ${...}} variables substituted ({@link ConfigVariables}).
 *
 * <p>Sources: containers.dev, "devcontainer.json reference", Image or Dockerfile specific
 * properties; devcontainers/cli {@code src/spec-configuration/configuration.ts}
 * ({@code isDockerFileConfig}, {@code getDockerfilePath}: relative to devcontainer.json's folder;
 * the legacy top-level {@code dockerFile} and {@code context} before {@code build.dockerfile} and
 * {@code build.context}), {@code src/spec-node/utils.ts} ({@code getDockerContextPath}: the
 * Dockerfile's folder when no context is given), {@code src/spec-node/singleContainer.ts}
 * ({@code buildAndExtendImage}: {@code build.target}, {@code build.args}, {@code build.cacheFrom}
 * as a string or a list, {@code build.options} appended to {@code docker build} as written).
 *
 * @param configFile the devcontainer.json
 * @param dockerfile the Dockerfile, absolute and normalized
 * @param context the build context, absolute and normalized
 * @param args {@code build.args}, in the file's order
 * @param target {@code build.target}; null when absent or empty (the CLI builds the last stage then)
 * @param cacheFrom {@code build.cacheFrom}, in order
 * @param options {@code build.options}, the extra {@code docker build} arguments, in order
 */
public record BuildConfig(Path configFile, Path dockerfile, Path context, Map<String, String> args, String target,
        List<String> cacheFrom, List<String> options) {

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    public BuildConfig {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        cacheFrom = List.copyOf(cacheFrom);
        options = List.copyOf(options);
    }

    /** What a devcontainer.json starts from, as the CLI tells (configContainer.ts, {@code resolveWithLocalFolder}). */
    public enum Kind {
        /** {@code dockerFile}, or {@code build.dockerfile}: the client builds an image. */
        DOCKERFILE,
        /** {@code image} (and no Dockerfile): the client starts a named image. */
        IMAGE,
        /** {@code dockerComposeFile}: the client runs Docker Compose. */
        COMPOSE,
        /** None of them: the CLI refuses it ("missing one of image, dockerFile or dockerComposeFile"). */
        NONE
    }

    /**
     * What the devcontainer.json starts from.
     *
     * @throws DevcontainerJsonException when the text is not a JSON object with comments
     */
    public static Kind kind(String devcontainerJson, Path configFile) throws DevcontainerJsonException {
        return kind(object(devcontainerJson, configFile));
    }

    private static Kind kind(ObjectNode config) {
        if (config.has("dockerFile") || config.path("build").has("dockerfile")) {
            return Kind.DOCKERFILE;
        }
        if (config.has("image")) {
            return Kind.IMAGE;
        }
        return config.has("dockerComposeFile") ? Kind.COMPOSE : Kind.NONE;
    }

    /**
     * The build a devcontainer.json describes; empty when it starts a named image. Every string of
     * the build section has its variables substituted, as the CLI substitutes the whole file before it
     * builds.
     *
     * @param configFile the devcontainer.json's path: relative paths in it are relative to its folder
     * @throws DevcontainerJsonException when the text is not a JSON object, when it runs Docker
     *     Compose or names neither an image nor a Dockerfile, when a property has the wrong type
     *     (the schema's), or when a value holds a variable only a container knows
     */
    public static Optional<BuildConfig> parse(String devcontainerJson, Path configFile, ConfigVariables variables)
            throws DevcontainerJsonException {
        ObjectNode config = object(devcontainerJson, configFile);
        Kind kind = kind(config);
        switch (kind) {
            case IMAGE -> {
                return Optional.empty();
            }
            case COMPOSE -> throw new DevcontainerJsonException(configFile, "dockerComposeFile", "a Docker Compose"
                    + " devcontainer is not supported: the plugin builds and verifies one image from a Dockerfile."
                    + " Point build.dockerfile at the devcontainer's Dockerfile in a devcontainer.json of its own.");
            case NONE -> throw new DevcontainerJsonException(configFile, null, "it names no image, no build.dockerfile"
                    + " (nor the older dockerFile) and no dockerComposeFile, so there is nothing to build; devcontainer"
                    + " clients refuse it too. Add \"build\": {\"dockerfile\": \"Dockerfile\"}.");
            default -> {
                // a Dockerfile: read on
            }
        }
        Path folder = configFile.toAbsolutePath().getParent();
        JsonNode build = config.path("build");
        if (!build.isMissingNode() && !build.isObject()) {
            throw wrongType(configFile, "build", "an object");
        }
        boolean legacy = config.has("dockerFile");
        String dockerfileProperty = legacy ? "dockerFile" : "build.dockerfile";
        String dockerfileText = string(legacy ? config.get("dockerFile") : build.get("dockerfile"),
                dockerfileProperty, configFile, variables);
        if (dockerfileText.isEmpty()) {
            throw new DevcontainerJsonException(configFile, dockerfileProperty, "is empty: name the Dockerfile,"
                    + " relative to the folder of devcontainer.json (\"Dockerfile\").");
        }
        Path dockerfile = folder.resolve(dockerfileText).normalize();
        String contextProperty = legacy ? "context" : "build.context";
        JsonNode contextNode = legacy ? config.get("context") : build.get("context");
        String contextText = contextNode == null ? "" : string(contextNode, contextProperty, configFile, variables);
        Path context = contextText.isEmpty() ? dockerfile.getParent() : folder.resolve(contextText).normalize();

        Map<String, String> args = new LinkedHashMap<>();
        JsonNode argsNode = build.path("args");
        if (!argsNode.isMissingNode()) {
            if (!argsNode.isObject()) {
                throw wrongType(configFile, "build.args", "an object of names and string values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = argsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> arg = it.next();
                JsonNode value = arg.getValue();
                if (!value.isValueNode() || value.isNull()) {
                    throw wrongType(configFile, "build.args." + arg.getKey(), "a string");
                }
                args.put(arg.getKey(), substitute(value.asText(), "build.args." + arg.getKey(), configFile, variables));
            }
        }
        JsonNode targetNode = build.get("target");
        String target = targetNode == null ? null : string(targetNode, "build.target", configFile, variables);
        List<String> cacheFrom = new ArrayList<>();
        JsonNode cacheNode = build.path("cacheFrom");
        if (cacheNode.isTextual()) {
            cacheFrom.add(substitute(cacheNode.asText(), "build.cacheFrom", configFile, variables));
        } else if (!cacheNode.isMissingNode()) {
            cacheFrom.addAll(strings(cacheNode, "build.cacheFrom", "a string or an array of strings", configFile, variables));
        }
        List<String> options = build.has("options")
                ? strings(build.get("options"), "build.options", "an array of strings", configFile, variables) : List.of();
        return Optional.of(new BuildConfig(configFile, dockerfile, context, args,
                target == null || target.isEmpty() ? null : target, cacheFrom, options));
    }

    private static ObjectNode object(String json, Path configFile) throws DevcontainerJsonException {
        JsonNode node;
        try {
            node = JSONC.readTree(json);
        } catch (IOException e) {
            throw new DevcontainerJsonException(configFile, null, "not JSON with comments: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() + " at line " + j.getLocation().getLineNr()
                            : e.getMessage()) + ". Fix the file; devcontainer clients cannot read it either.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new DevcontainerJsonException(configFile, null, "not a JSON object; devcontainer clients refuse it too.");
        }
        return object;
    }

    private static String string(JsonNode node, String property, Path configFile,
            ConfigVariables variables) throws DevcontainerJsonException {
        if (node == null || !node.isTextual()) {
            throw wrongType(configFile, property, "a string");
        }
        return substitute(node.asText(), property, configFile, variables);
    }

    private static List<String> strings(JsonNode node, String property, String expected, Path configFile,
            ConfigVariables variables) throws DevcontainerJsonException {
        if (!node.isArray()) {
            throw wrongType(configFile, property, expected);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw wrongType(configFile, property, expected);
            }
            values.add(substitute(element.asText(), property, configFile, variables));
        }
        return values;
    }

    private static String substitute(String value, String property, Path configFile, ConfigVariables variables)
            throws DevcontainerJsonException {
        try {
            return variables.substitute(value);
        } catch (ConfigVariables.Refused e) {
            throw new DevcontainerJsonException(configFile, property, e.getMessage() + ". Give the value itself, or"
                    + " a ${localEnv:NAME} the build can read.");
        }
    }

    private static DevcontainerJsonException wrongType(Path configFile, String property, String expected) {
        return new DevcontainerJsonException(configFile, property, "must be " + expected
                + " (devcontainer.json schema).");
    }
}
