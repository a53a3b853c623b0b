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
                .isEqualTo(new FeatureSource.Oci("ghcr.io/devcontainers/features/node:1",
                        OciReference.parse("ghcr.io/devcontainers/features/node:1"), null));
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

    @Test
    void anIdWithoutRegistryIsALegacyIdTheCliNoLongerFetches() {
        assertThatThrownBy(() -> FeatureSource.parse("node", DEVCONTAINER, DEVCONTAINER)).isInstanceOf(FeatureException.class)
                .hasMessageContaining("The Feature \"node\" names no registry")
                .hasMessageContaining("ghcr.io/devcontainers/features/node:1").hasMessageContaining("./node");
    }

    @Test
    void anOciReferenceIsReadWhenParsedAndResolvedLater() throws Exception {
        FeatureSource.Oci oci = (FeatureSource.Oci) FeatureSource.parse("GHCR.io/devcontainers/features/node", DEVCONTAINER, DEVCONTAINER);
        assertThat(oci.ref().tag()).isEqualTo("latest");
        assertThat(oci.describe()).isEqualTo("the OCI reference GHCR.io/devcontainers/features/node");
        OciManifest manifest = new OciManifest("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64), 1, null);
        assertThat(oci.resolved(manifest).describe()).endsWith("(sha256:" + "a".repeat(64) + ")");
        assertThatThrownBy(() -> FeatureSource.parse("ghcr.io/devcontainers/features/node@sha256:1", DEVCONTAINER, DEVCONTAINER))
                .hasMessageContaining("the digest after '@' must be sha256:<64 hex digits>");
    }
}
