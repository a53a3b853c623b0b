package io.github.dind.devcontainer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official devcontainer.json and devcontainer-feature.json schemas (vendored in
 * src/test/resources/schemas), validated offline.
 */
public final class DevcontainerSchema {
    private static final String VSCODE_SCHEMAS =
            "https://raw.githubusercontent.com/microsoft/vscode/main/extensions/configuration-editing/schemas/";
    private static final JsonSchema SCHEMA = load();
    private static final JsonSchema FEATURE_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:schemas/devContainerFeature.schema.json"));

    private DevcontainerSchema() {
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, builder ->
                builder.schemaMappers(mappers -> mappers
                        .mapPrefix(VSCODE_SCHEMAS, "classpath:schemas/")
                        .mapPrefix("vscode://schemas/settings/machine", "classpath:schemas/vscode-settings-machine.stub.json")));
        return factory.getSchema(SchemaLocation.of("classpath:schemas/devContainer.schema.json"));
    }

    /** The Feature schema's complaints about a devcontainer-feature.json (parsed as JSONC); empty when it is valid. */
    public static Set<String> featureProblems(String jsonc) {
        return FEATURE_SCHEMA.validate(Jsonc.parse(jsonc)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The schema's complaints about a devcontainer.json (parsed as JSONC); empty when it is valid. */
    public static Set<String> problems(String jsonc) {
        JsonNode document = Jsonc.parse(jsonc);
        Set<ValidationMessage> messages = SCHEMA.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
