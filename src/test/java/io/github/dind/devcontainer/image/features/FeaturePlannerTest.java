package io.github.dind.devcontainer.image.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.Features;
import io.github.dind.devcontainer.devcontainer.features.OciReference;
import io.github.dind.devcontainer.image.features.oci.FeatureCache;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devcontainer-lock.json around a build's Features: read always, written only when asked, rewritten
 * only when its content changes. The registry Feature comes from a Feature cache filled beforehand
 * and the build is offline, so no registry is needed (RegistryFeaturesTest covers the fetching).
 */
class FeaturePlannerTest {
    private static final String FEATURE = "{\"id\": \"hello\", \"version\": \"1.0.0\", \"dependsOn\": {\"./base\": {}}}";
    private static final String REFERENCE = "reg.example.com/it/features/hello:1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path project;
    Path devcontainer;
    Path repository;
    String digest;
    final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void cacheAndProject() throws Exception {
        devcontainer = Files.createDirectories(project.resolve(".devcontainer"));
        Path base = Files.createDirectories(devcontainer.resolve("base"));
        Files.writeString(base.resolve("devcontainer-feature.json"), "{\"id\": \"base\", \"version\": \"0.1.0\"}");
        Files.writeString(base.resolve("install.sh"), "#!/bin/sh\n");
        repository = project.resolve("m2");
        FeatureCache cache = FeatureCache.in(repository);
        byte[] layer = tar(Map.of("devcontainer-feature.json", FEATURE, "install.sh", "#!/bin/sh\n"));
        byte[] manifest = ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.devcontainers\"},\"layers\":"
                + "[{\"mediaType\":\"application/vnd.devcontainers.layer.v1+tar\",\"digest\":\"sha256:" + Sha256.hex(layer)
                + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        digest = "sha256:" + Sha256.hex(manifest);
        cache.storeManifest(manifest);
        cache.storeTag(OciReference.parse(REFERENCE), digest);
        cache.storeFiles(digest, layer, REFERENCE);
    }

    private static byte[] tar(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("./" + file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<Features.Installed> plan(boolean lockFeatures) throws Exception {
        Path configFile = devcontainer.resolve("devcontainer.json");
        Files.writeString(configFile, "{\"features\": {\"" + REFERENCE + "\": {}}}");
        return new FeaturePlanner(repository, true, lockFeatures, Map.of(), CredentialLookup.none())
                .plan((ObjectNode) JSON.readTree(configFile.toFile()), configFile, devcontainer, console);
    }

    private Path lockfile() {
        return devcontainer.resolve("devcontainer-lock.json");
    }

    @Test
    void writesTheLockfileWhenAskedAndOnlyWhenItsContentChanges() throws Exception {
        List<Features.Installed> installed = plan(true);

        assertThat(installed).extracting(Features.Installed::userFeatureId).containsExactly("./base", REFERENCE);
        assertThat(Files.readString(lockfile())).isEqualTo("{\n  \"features\": {\n    \"" + REFERENCE + "\": {\n"
                + "      \"version\": \"1.0.0\",\n      \"resolved\": \"reg.example.com/it/features/hello@" + digest + "\",\n"
                + "      \"integrity\": \"" + digest + "\",\n      \"dependsOn\": [\n        \"./base\"\n      ]\n    }\n  }\n}\n");
        assertThat(console.info()).contains("Wrote " + lockfile() + ": " + REFERENCE + " at " + digest);

        // the same content, spaced otherwise (as a formatter left it): not rewritten
        String reformatted = JSON.readTree(lockfile().toFile()).toPrettyString();
        Files.writeString(lockfile(), reformatted);
        plan(true);
        assertThat(Files.readString(lockfile())).isEqualTo(reformatted);
        assertThat(console.info()).contains(lockfile() + " is up to date");
    }

    @Test
    void neverTouchesTheLockfileUnaskedAndSaysWhatResolvedByTag() throws Exception {
        plan(false);
        assertThat(lockfile()).doesNotExist();
        assertThat(console.info()).contains("Resolved by tag, not pinned by devcontainer-lock.json: " + REFERENCE
                + " (-Ddevcontainer.build.lockFeatures=true pins them)");

        String stale = "{\"features\": {\"" + REFERENCE + "\": {\"version\": \"0.9.0\", \"resolved\": \"x\", \"integrity\": \""
                + digest + "\"}}}";
        Files.writeString(lockfile(), stale);
        plan(false);
        assertThat(Files.readString(lockfile())).isEqualTo(stale);
    }

    @Test
    void aPinThatIsNotInTheCacheFailsOfflineNamingIt() throws Exception {
        String other = "sha256:" + "e".repeat(64);
        Files.writeString(lockfile(), "{\"features\": {\"" + REFERENCE + "\": {\"integrity\": \"" + other + "\"}}}");
        assertThatThrownBy(() -> plan(false)).isInstanceOf(FeatureException.class)
                .hasMessageContaining("The Feature \"" + REFERENCE + "\" cannot be fetched: Maven runs offline (-o)")
                .hasMessageContaining("(no manifest " + other + ", which devcontainer-lock.json pins)");
    }
}
