package io.github.dind.devcontainer.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Parses JSON with comments and trailing commas, as devcontainer clients do. */
public final class Jsonc {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private Jsonc() {
    }

    public static JsonNode parse(String jsonc) {
        try {
            return MAPPER.readTree(jsonc);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not valid JSONC: " + e.getOriginalMessage() + "\n" + jsonc, e);
        }
    }
}
