package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageNameTest {

    @Test
    void theDefaultIsTheLowerCasedArtifactIdWithASuffix() throws Exception {
        assertThat(ImageName.defaultRepository("My_App")).isEqualTo("my_app-devcontainer");
    }

    @Test
    void namesEveryTagAndPutsTheFirstFirst() throws Exception {
        ImageName name = ImageName.of("registry.example.com:5000/team/app-devcontainer", List.of("1.0.0-SNAPSHOT", "latest", "latest"));

        assertThat(name.primary()).isEqualTo("registry.example.com:5000/team/app-devcontainer:1.0.0-SNAPSHOT");
        assertThat(name.references()).containsExactly("registry.example.com:5000/team/app-devcontainer:1.0.0-SNAPSHOT",
                "registry.example.com:5000/team/app-devcontainer:latest");
    }

    @Test
    void rejectsARepositoryWithATagOrBadCharacters() throws Exception {
        assertThatThrownBy(() -> ImageName.of("app:1.0", List.of("latest"))).hasMessageContaining("imageName \"");
        assertThatThrownBy(() -> ImageName.of("App", List.of("latest"))).hasMessageContaining("imageName \"");
        assertThatThrownBy(() -> ImageName.of("app;id", List.of("latest"))).hasMessageContaining("imageName \"");
    }

    @Test
    void rejectsBadTags() throws Exception {
        assertThatThrownBy(() -> ImageName.of("app", List.of())).hasMessageContaining("at least one tag");
        assertThatThrownBy(() -> ImageName.of("app", List.of("-x"))).hasMessageContaining("tags \"-x\"");
        assertThatThrownBy(() -> ImageName.of("app", List.of("a b"))).hasMessageContaining("tags \"");
        assertThatThrownBy(() -> ImageName.of("app", List.of("x".repeat(129)))).hasMessageContaining("tags \"");
    }
}
