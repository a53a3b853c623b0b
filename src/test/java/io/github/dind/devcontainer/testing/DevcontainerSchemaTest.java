package io.github.dind.devcontainer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The schema check itself: it must catch what the schema forbids, or a green run means nothing. */
class DevcontainerSchemaTest {

    @Test
    void acceptsAMinimalDockerfileConfig() {
        assertThat(DevcontainerSchema.problems("// comment\n{\"build\": {\"dockerfile\": \"Dockerfile\"},}")).isEmpty();
    }

    @Test
    void rejectsAnUnknownProperty() {
        assertThat(DevcontainerSchema.problems("{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"privilegd\": true}"))
                .isNotEmpty();
    }

    @Test
    void rejectsAWrongType() {
        assertThat(DevcontainerSchema.problems("{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"overrideCommand\": \"no\"}"))
                .isNotEmpty();
    }

    @Test
    void rejectsAMalformedMount() {
        assertThat(DevcontainerSchema.problems(
                "{\"image\": \"x\", \"mounts\": [{\"source\": \"v\", \"target\": \"/t\", \"type\": \"tmpfs\"}]}"))
                .isNotEmpty();
    }

    @Test
    void vendoredSchemasMatchTheirRecordedChecksums() throws Exception {
        String sums = read("schemas/SHA256SUMS");
        for (String line : sums.strip().split("\n")) {
            String[] parts = line.split("\\s+");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(read("schemas/" + parts[1]).getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(digest)).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = DevcontainerSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
