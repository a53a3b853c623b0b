package io.github.dind.devcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.spec.DevcontainerSpec;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrebuiltImageFilesTest {
    private static final JsonMapper JSONC = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    @Test
    void devcontainerJsonOpensTheImageAndTheBuildMovesIntoAFolder() throws Exception {
        List<GeneratedFile> rendered = new Renderer(null).render(DevcontainerSpec.builder().name("App \"x\"").build());
        List<GeneratedFile> files = PrebuiltImageFiles.apply(rendered, "registry.example.com/team/app-devcontainer:1.0", "App \"x\"");
        assertThat(files).extracting(GeneratedFile::fileName)
                .containsExactly("Dockerfile", "startup.sh", "build/devcontainer.json", "devcontainer.json");

        JsonNode image = JSONC.readTree(files.get(3).body());
        assertThat(image.path("image").asText()).isEqualTo("registry.example.com/team/app-devcontainer:1.0");
        assertThat(image.path("name").asText()).isEqualTo("App \"x\"");
        assertThat(image.has("build")).isFalse();

        String moved = files.get(2).body();
        JsonNode build = JSONC.readTree(moved);
        assertThat(build.path("build").path("dockerfile").asText()).isEqualTo("../Dockerfile");
        assertThat(build.path("build").path("context").asText()).isEqualTo("..");
        assertThat(moved).as("comments kept").contains("overrideCommand").contains("//");
        for (GeneratedFile file : files.subList(2, 4)) {
            assertThat(DevcontainerSchema.problems(file.body())).as(file.fileName()).isEmpty();
        }
    }
}
