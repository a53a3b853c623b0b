package io.github.dind.devcontainer.image.features.oci;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.features.OciReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Feature cache's layout, its tag records, and that a damaged or half-written entry is never used. */
class FeatureCacheTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.devcontainers\"},"
            + "\"layers\":[{\"mediaType\":\"application/vnd.devcontainers.layer.v1+tar\",\"digest\":\"sha256:" + "1".repeat(64)
            + "\",\"size\":3}]}";

    @TempDir
    Path repository;

    @Test
    void livesInMavensLocalRepositoryKeyedByTheManifestDigest() throws Exception {
        FeatureCache cache = FeatureCache.in(repository);
        byte[] bytes = MANIFEST.getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + Sha256.hex(bytes);

        cache.storeManifest(bytes);
        Path files = cache.storeFiles(digest, TestRegistry.tar(Map.of("install.sh", "#!/bin/sh\n")), "f");

        Path entry = repository.resolve(".cache/devcontainer-maven-plugin/features/sha256-" + Sha256.hex(bytes));
        assertThat(entry.resolve("manifest.json")).hasBinaryContent(bytes);
        assertThat(files).isEqualTo(entry.resolve("feature"));
        assertThat(cache.files(digest)).contains(files);
        assertThat(cache.manifest(digest, "f").orElseThrow().digest()).isEqualTo(digest);
        try (Stream<Path> left = Files.list(cache.root())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary entry left").containsExactly(entry.getFileName().toString());
        }
    }

    @Test
    void aManifestFileThatDoesNotHashToItsNameIsNotUsed() throws Exception {
        FeatureCache cache = FeatureCache.in(repository);
        byte[] bytes = MANIFEST.getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + Sha256.hex(bytes);
        cache.storeManifest(bytes);
        Files.writeString(cache.root().resolve("sha256-" + Sha256.hex(bytes)).resolve("manifest.json"), MANIFEST + " ");

        assertThat(cache.manifest(digest, "f")).isEmpty();
        assertThat(cache.manifest("sha256:" + "9".repeat(64), "f")).isEmpty();
    }

    @Test
    void aTagRemembersItsLastDigestPerResource() throws Exception {
        FeatureCache cache = FeatureCache.in(repository);
        OciReference one = OciReference.parse("reg.example.com/ns/tool:1");
        OciReference other = OciReference.parse("reg.example.com/ns/other:1");
        assertThat(cache.tag(one)).isEmpty();

        cache.storeTag(one, "sha256:" + "a".repeat(64));
        cache.storeTag(one, "sha256:" + "b".repeat(64));

        assertThat(cache.tag(one)).contains("sha256:" + "b".repeat(64));
        assertThat(cache.tag(other)).isEmpty();
        assertThat(cache.tag(OciReference.parse("reg.example.com/ns/tool:2"))).isEmpty();
    }

    @Test
    void aRefusedLayerLeavesNothing() throws Exception {
        FeatureCache cache = FeatureCache.in(repository);
        byte[] evil = new LayerExtractorTest.Tar().file("./ok", "x", 0644).file("../out", "x", 0644).bytes();
        try {
            cache.storeFiles("sha256:" + "c".repeat(64), evil, "f");
        } catch (Exception expected) {
            // refused
        }
        assertThat(cache.files("sha256:" + "c".repeat(64))).isEmpty();
        try (Stream<Path> left = Files.list(cache.root())) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tmp-")).toList()).isEqualTo(List.of());
        }
    }
}
