package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.Sha256;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A Feature's manifest, shaped as `devcontainer features publish` (0.89.0) pushes it. */
class OciManifestTest {
    private static final String LAYER = "sha256:" + "1".repeat(64);

    static String manifest(String configType, String layerType, String annotation) {
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"" + configType + "\",\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + LAYER + "\",\"size\":10240,"
                + "\"annotations\":{\"org.opencontainers.image.title\":\"devcontainer-feature-hello.tgz\"}}]"
                + (annotation == null ? "" : ",\"annotations\":{\"dev.containers.metadata\":" + annotation
                + ",\"com.github.package.type\":\"devcontainer_feature\"}") + "}";
    }

    @Test
    void readsTheLayerTheDigestAndTheMetadata() throws Exception {
        byte[] body = manifest("application/vnd.devcontainers", "application/vnd.devcontainers.layer.v1+tar",
                "\"{\\\"id\\\":\\\"hello\\\",\\\"version\\\":\\\"1.0.0\\\",\\\"legacyIds\\\":[\\\"hey\\\",\\\"hi\\\"]}\"")
                .getBytes(StandardCharsets.UTF_8);

        OciManifest manifest = OciManifest.parse(body, "reg.example.com/ns/hello:1");

        assertThat(manifest.digest()).isEqualTo("sha256:" + Sha256.hex(body));
        assertThat(manifest.layerDigest()).isEqualTo(LAYER);
        assertThat(manifest.layerSize()).isEqualTo(10240);
        assertThat(manifest.aliases()).containsExactly("hello", "hey", "hi");
    }

    @Test
    void currentIdIsTheFirstAliasAndNoAnnotationGivesNone() throws Exception {
        OciManifest renamed = OciManifest.parse(manifest("application/vnd.devcontainers", "application/vnd.devcontainers.layer.v1+tar",
                "\"{\\\"id\\\":\\\"old\\\",\\\"currentId\\\":\\\"new\\\"}\"").getBytes(StandardCharsets.UTF_8), "x");
        assertThat(renamed.aliases()).containsExactly("new");
        OciManifest bare = OciManifest.parse(manifest("application/vnd.devcontainers", "application/vnd.devcontainers.layer.v1+tar",
                null).getBytes(StandardCharsets.UTF_8), "x");
        assertThat(bare.metadata()).isNull();
        assertThat(bare.aliases()).isEmpty();
        OciManifest garbled = OciManifest.parse(manifest("application/vnd.devcontainers", "application/vnd.devcontainers.layer.v1+tar",
                "\"{not json\"").getBytes(StandardCharsets.UTF_8), "x");
        assertThat(garbled.metadata()).isNull();
    }

    @Test
    void anImageOrAnythingElseIsNotAFeature() {
        assertThatThrownBy(() -> OciManifest.parse(manifest("application/vnd.oci.image.config.v1+json",
                "application/vnd.oci.image.layer.v1.tar+gzip", null).getBytes(StandardCharsets.UTF_8), "reg.example.com/ns/app:1"))
                .isInstanceOf(FeatureException.class)
                .hasMessageContaining("The registry's manifest for the Feature \"reg.example.com/ns/app:1\" is not a Dev Container Feature's")
                .hasMessageContaining("application/vnd.oci.image.config.v1+json");
        assertThatThrownBy(() -> OciManifest.parse(manifest("application/vnd.devcontainers", "text/plain", null)
                .getBytes(StandardCharsets.UTF_8), "x")).hasMessageContaining("has no layer of media type application/vnd.devcontainers.layer.v1+tar");
        assertThatThrownBy(() -> OciManifest.parse("<html>".getBytes(StandardCharsets.UTF_8), "x")).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> OciManifest.parse(manifest("application/vnd.devcontainers", "application/vnd.devcontainers.layer.v1+tar",
                null).replace(LAYER, "md5:abc").getBytes(StandardCharsets.UTF_8), "x")).hasMessageContaining("only sha256");
    }
}
