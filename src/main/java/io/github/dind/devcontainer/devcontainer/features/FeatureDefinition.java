package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Feature's {@code devcontainer-feature.json} (containers.dev, "Dev Container Features reference"):
 * its id, version and name, its options, what it adds to the container (kept as written in
 * {@link #json()} for the image's metadata entry) and its dependencies: {@code dependsOn} (Features
 * installed first, with the options given there) and {@code installsAfter} (an order, when both are
 * installed anyway).
 *
 * @param folder where its files are ({@code install.sh} among them)
 * @param dependsOn each dependency's id as written, with the options given for it (an object)
 * @param aliases the current id ({@code currentId}, else {@code id}) and the {@code legacyIds}
 */
public record FeatureDefinition(Path folder, String id, String version, String name, Map<String, FeatureOption> options,
        Map<String, JsonNode> dependsOn, List<String> installsAfter, List<String> aliases, ObjectNode json) {
    /** The file every Feature folder holds. */
    public static final String FILE = "devcontainer-feature.json";

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    public FeatureDefinition {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        dependsOn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        installsAfter = List.copyOf(installsAfter);
        aliases = List.copyOf(aliases);
    }

    /**
     * @param userFeatureId the Feature as devcontainer.json names it, for messages
     * @throws FeatureException when the folder has no {@link #FILE} or {@code install.sh}, the file is
     *     not a JSON object with comments, or it has no {@code id}
     */
    public static FeatureDefinition read(Path folder, String userFeatureId) throws FeatureException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" has no " + FILE + " in " + folder
                    + ": a Feature folder holds " + FILE + " and install.sh");
        }
        if (!Files.isRegularFile(folder.resolve("install.sh"))) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" has no install.sh in " + folder);
        }
        JsonNode node;
        try {
            node = JSONC.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new FeatureException("Cannot read " + file + " (the Feature \"" + userFeatureId + "\") as JSON with comments: "
                    + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode json)) {
            throw new FeatureException(file + " (the Feature \"" + userFeatureId + "\") is not a JSON object");
        }
        String id = json.path("id").asText("");
        if (id.isBlank() || !id.matches("[A-Za-z0-9_-]+")) {
            throw new FeatureException(file + " (the Feature \"" + userFeatureId + "\") needs an \"id\" of letters, digits,"
                    + " '-' and '_'; it has " + json.path("id"));
        }
        Map<String, FeatureOption> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> option : iterable(json.path("options"))) {
            JsonNode spec = option.getValue();
            List<String> allowed = new ArrayList<>();
            spec.path("enum").forEach(v -> allowed.add(v.asText()));
            String type = spec.path("type").asText("string");
            if (!type.equals("string") && !type.equals("boolean")) {
                throw new FeatureException(file + " (the Feature \"" + userFeatureId + "\"): the option \"" + option.getKey()
                        + "\" has the type \"" + type + "\"; Features options are \"string\" or \"boolean\"");
            }
            options.put(option.getKey(), new FeatureOption(option.getKey(), type,
                    spec.has("default") ? spec.get("default") : null, allowed));
        }
        Map<String, JsonNode> dependsOn = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> dependency : iterable(json.path("dependsOn"))) {
            dependsOn.put(dependency.getKey(), dependency.getValue());
        }
        List<String> installsAfter = new ArrayList<>();
        json.path("installsAfter").forEach(v -> installsAfter.add(v.asText()));
        List<String> aliases = new ArrayList<>();
        aliases.add(json.path("currentId").asText(id).isBlank() ? id : json.path("currentId").asText(id));
        json.path("legacyIds").forEach(v -> aliases.add(v.asText()));
        return new FeatureDefinition(folder, id, json.path("version").asText(""), json.path("name").asText(id), options,
                dependsOn, installsAfter, aliases, json);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
