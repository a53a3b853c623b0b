package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeatureSourceTest {
    private static final Path DEVCONTAINER = Path.of("/p/.devcontainer");

    @Test
    void theThreeKinds() throws Exception {
        assertThat(FeatureSource.parse("./tool", DEVCONTAINER, DEVCONTAINER))
                .isEqualTo(new FeatureSource.Local(Path.of("/p/.devcontainer/tool")));
        assertThat(FeatureSource.parse("../tool", DEVCONTAINER.resolve("build"), DEVCONTAINER))
                .isEqualTo(new FeatureSource.Local(Path.of("/p/.devcontainer/tool")));
        assertThat(FeatureSource.parse("ghcr.io/devcontainers/features/node:1", DEVCONTAINER, DEVCONTAINER))
                .isEqualTo(new FeatureSource.Oci("ghcr.io/devcontainers/features/node:1"));
        assertThat(FeatureSource.parse("https://example.com/devcontainer-feature-x.tgz", DEVCONTAINER, DEVCONTAINER))
                .isInstanceOf(FeatureSource.Tarball.class);
    }

    @Test
    void aLocalFeatureStaysInsideDotDevcontainer() {
        assertThatThrownBy(() -> FeatureSource.parse("../tool", DEVCONTAINER, DEVCONTAINER))
                .hasMessageContaining("outside /p/.devcontainer").hasMessageContaining("a local Feature must be a folder inside .devcontainer/");
        assertThatThrownBy(() -> FeatureSource.parse("/opt/tool", DEVCONTAINER, DEVCONTAINER)).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> FeatureSource.parse(" ", DEVCONTAINER, DEVCONTAINER)).hasMessageContaining("empty id");
    }
}
