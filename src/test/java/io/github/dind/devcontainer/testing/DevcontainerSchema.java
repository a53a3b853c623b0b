package io.github.dind.devcontainer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official devcontainer.json and devcontainer-feature.json schemas (vendored in
 * src/test/resources/schemas), validated offline.
 */
public final class DevcontainerSchema {
    private static final String VSCODE_SCHEMAS =
            "https://raw.githubusercontent.com/microsoft/vscode/main/extensions/configuration-editing/schemas/";
    private static final Schema SCHEMA = load();
    private static final Schema FEATURE_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:schemas/devContainerFeature.schema.json"));

    private DevcontainerSchema() {
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09, builder ->
                builder.schemaIdResolvers(resolvers -> resolvers
                        .mapPrefix(VSCODE_SCHEMAS, "classpath:schemas/")
                        .mapPrefix("vscode://schemas/settings/machine", "classpath:schemas/vscode-settings-machine.stub.json")));
        return registry.getSchema(SchemaLocation.of("classpath:schemas/devContainer.schema.json"));
    }

    /** The Feature schema's complaints about a devcontainer-feature.json (parsed as JSONC); empty when it is valid. */
    public static Set<String> featureProblems(String jsonc) {
        return FEATURE_SCHEMA.validate(Jsonc.parse(jsonc)).stream().map(Error::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The schema's complaints about a devcontainer.json (parsed as JSONC); empty when it is valid. */
    public static Set<String> problems(String jsonc) {
        JsonNode document = Jsonc.parse(jsonc);
        return SCHEMA.validate(document).stream().map(Error::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
