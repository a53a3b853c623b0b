package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureOptionsTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    private FeatureDefinition feature(String options) throws Exception {
        Files.writeString(dir.resolve("devcontainer-feature.json"), "{\"id\": \"tool\", \"options\": " + options + "}");
        Files.writeString(dir.resolve("install.sh"), "#!/bin/sh\n");
        return FeatureDefinition.read(dir, "./tool");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void defaultsThenWhatDevcontainerJsonGives() throws Exception {
        FeatureDefinition tool = feature("{\"version\": {\"type\": \"string\", \"default\": \"latest\", \"enum\": [\"latest\", \"1\"]},"
                + " \"fast\": {\"type\": \"boolean\", \"default\": false}, \"name\": {\"type\": \"string\"}}");

        assertThat(FeatureOptions.resolve(tool, json("{}"), "./tool")).containsExactly(Map.entry("version", "latest"),
                Map.entry("fast", "false"));
        assertThat(FeatureOptions.resolve(tool, json("true"), "./tool")).containsEntry("version", "latest");
        assertThat(FeatureOptions.resolve(tool, json("\"1\""), "./tool")).containsEntry("version", "1");
        assertThat(FeatureOptions.resolve(tool, json("{\"fast\": true, \"name\": \"x y\"}"), "./tool"))
                .containsExactly(Map.entry("version", "latest"), Map.entry("fast", "true"), Map.entry("name", "x y"));
    }

    @Test
    void anUnknownOptionAWrongTypeOrAValueOutsideTheEnumNamesTheFeatureAndTheOption() throws Exception {
        FeatureDefinition tool = feature("{\"version\": {\"type\": \"string\", \"enum\": [\"1\", \"2\"]},"
                + " \"fast\": {\"type\": \"boolean\"}}");

        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("{\"speed\": \"3\"}"), "./tool"))
                .hasMessage("The Feature \"./tool\" has no option \"speed\"; its options are version, fast");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("{\"fast\": \"true\"}"), "./tool"))
                .hasMessage("The option \"fast\" of the Feature \"./tool\" is a boolean, not \"true\": write true or false");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("{\"version\": 2}"), "./tool"))
                .hasMessage("The option \"version\" of the Feature \"./tool\" is a string, not 2: quote it");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("\"3\""), "./tool"))
                .hasMessage("The option \"version\" of the Feature \"./tool\" is \"3\"; it allows 1, 2");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("false"), "./tool")).hasMessageContaining("remove it");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("[1]"), "./tool")).hasMessageContaining("give an object");
    }

    @Test
    void aStringNeedsAVersionOption() throws Exception {
        FeatureDefinition tool = feature("{}");
        assertThatThrownBy(() -> FeatureOptions.resolve(tool, json("\"1\""), "./tool"))
                .hasMessageContaining("declares no such option");
    }

    @Test
    void variableNamesAsTheCliMakesThem() {
        assertThat(FeatureOptions.variableName("magicNumber")).isEqualTo("MAGICNUMBER");
        assertThat(FeatureOptions.variableName("install-tools")).isEqualTo("INSTALL_TOOLS");
        assertThat(FeatureOptions.variableName("9lives")).isEqualTo("_LIVES");
        assertThat(FeatureOptions.variableName("_x.y")).isEqualTo("_X_Y");
    }
}
