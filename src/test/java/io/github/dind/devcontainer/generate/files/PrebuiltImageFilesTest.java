package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.Renderer;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrebuiltImageFilesTest {
    private static final JsonMapper JSONC = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    @Test
    void devcontainerJsonOpensTheImageAndTheBuildMovesIntoAFolder() throws Exception {
        List<GeneratedFile> rendered = new Renderer(null).render(GenerateRequest.builder().name("App \"x\"").build());
        List<GeneratedFile> files = PrebuiltImageFiles.apply(rendered, "registry.example.com/team/app-devcontainer:1.0", "App \"x\"");
        List<String> names = files.stream().map(GeneratedFile::fileName).toList();
        List<String> others = rendered.stream().map(GeneratedFile::fileName).filter(n -> !n.equals("devcontainer.json")).toList();
        assertThat(names).containsSubsequence("build/devcontainer.json", "devcontainer.json")
                .containsAll(others).hasSize(others.size() + 2);
        GeneratedFile imageFile = files.get(names.indexOf("devcontainer.json"));
        GeneratedFile buildFile = files.get(names.indexOf("build/devcontainer.json"));

        JsonNode image = JSONC.readTree(imageFile.body());
        assertThat(image.path("image").asText()).isEqualTo("registry.example.com/team/app-devcontainer:1.0");
        assertThat(image.path("name").asText()).isEqualTo("App \"x\"");
        assertThat(image.has("build")).isFalse();

        String moved = buildFile.body();
        JsonNode build = JSONC.readTree(moved);
        assertThat(build.path("build").path("dockerfile").asText()).isEqualTo("../Dockerfile");
        assertThat(build.path("build").path("context").asText()).isEqualTo("..");
        assertThat(moved).as("comments kept").contains("overrideCommand").contains("//");
        for (GeneratedFile file : List.of(buildFile, imageFile)) {
            assertThat(DevcontainerSchema.problems(file.body())).as(file.fileName()).isEmpty();
        }
    }
}
