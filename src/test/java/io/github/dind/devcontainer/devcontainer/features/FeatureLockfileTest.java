package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devcontainer-lock.json as devcontainers/cli's lockfile.ts reads and writes it. The expected texts
 * are what Node.js 20's {@code JSON.stringify(lockfile, null, 2) + "\n"} printed for the same objects.
 */
class FeatureLockfileTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String CLI_TEXT = """
            {
              "features": {
                "ghcr.io/devcontainers/features/a-tool:1": {
                  "version": "1.2.0",
                  "resolved": "ghcr.io/devcontainers/features/a-tool@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                  "integrity": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                },
                "ghcr.io/devcontainers/features/Node:1": {
                  "version": "1.0.0",
                  "resolved": "ghcr.io/devcontainers/features/node@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                  "integrity": "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                  "dependsOn": [
                    "./local",
                    "ghcr.io/x/y/z"
                  ]
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private static Features.Installed installed(String userFeatureId, String digest, String version, List<String> dependsOn)
            throws FeatureException {
        Map<String, JsonNode> deps = new LinkedHashMap<>();
        dependsOn.forEach(d -> deps.put(d, JsonNodeFactory.instance.objectNode()));
        FeatureSource source = userFeatureId.startsWith("./") ? new FeatureSource.Local(Path.of("/p/.devcontainer/x"))
                : new FeatureSource.Oci(userFeatureId, OciReference.parse(userFeatureId), new OciManifest(digest, digest, 1, null));
        FeatureDefinition definition = new FeatureDefinition(Path.of("/cache"), "x", version, "X", Map.of(), deps, List.of(),
                List.of("x"), JsonNodeFactory.instance.objectNode());
        return new Features.Installed(userFeatureId, source, definition, Map.of(), "x_0");
    }

    @Test
    void writesEachRegistryFeatureSortedAsLocaleCompareSortsTheCliWay() throws Exception {
        FeatureLockfile lockfile = FeatureLockfile.of(List.of(
                installed("ghcr.io/devcontainers/features/Node:1", B, "1.0.0", List.of("./local", "ghcr.io/x/y/z")),
                installed("./local", null, "0.1.0", List.of()),
                installed("ghcr.io/devcontainers/features/a-tool:1", A, "1.2.0", List.of())));

        assertThat(lockfile.text()).isEqualTo(CLI_TEXT);
        assertThat(lockfile.integrity("ghcr.io/devcontainers/features/Node:1")).contains(B);
        assertThat(lockfile.integrity("./local")).isEmpty();
    }

    @Test
    void noRegistryFeatureIsAnEmptyObjectAsTheCliWritesIt() {
        assertThat(FeatureLockfile.of(List.of()).text()).isEqualTo("{\n  \"features\": {}\n}\n");
    }

    @Test
    void readsWhatItWritesAndComparesAsTheCliDoes() throws Exception {
        Path file = dir.resolve("devcontainer-lock.json");
        Files.writeString(file, CLI_TEXT);

        FeatureLockfile read = FeatureLockfile.read(file).orElseThrow();

        assertThat(read.text()).isEqualTo(CLI_TEXT);
        assertThat(read.features().get("ghcr.io/devcontainers/features/Node:1").dependsOn()).containsExactly("./local", "ghcr.io/x/y/z");
        // writeLockfile normalizes the old file through JSON.parse and JSON.stringify: spacing does not count, content does
        String compact = JsonMapper.builder().build().readTree(CLI_TEXT).toString();
        assertThat(read.sameAs(compact)).isTrue();
        assertThat(read.sameAs(compact.replace("1.2.0", "1.2.1"))).isFalse();
        assertThat(read.sameAs("")).isFalse();
        assertThat(read.sameAs("{not json")).isFalse();
    }

    @Test
    void aMissingOrBlankFileLocksNothing() throws Exception {
        assertThat(FeatureLockfile.read(dir.resolve("devcontainer-lock.json"))).isEmpty();
        Files.writeString(dir.resolve("blank.json"), " \n");
        assertThat(FeatureLockfile.read(dir.resolve("blank.json"))).isEmpty();
    }

    @Test
    void aBrokenFileIsNamedWithTheFix() throws Exception {
        Path file = dir.resolve("devcontainer-lock.json");
        Files.writeString(file, "{\"features\": {");
        assertThatThrownBy(() -> FeatureLockfile.read(file)).isInstanceOf(FeatureException.class)
                .hasMessageStartingWith(file + " is not JSON").hasMessageContaining("-Ddevcontainer.build.lockFeatures");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> FeatureLockfile.read(file)).hasMessageContaining("has no \"features\" object");
        Files.writeString(file, "{\"features\": {\"ghcr.io/a/b/c:1\": {\"integrity\": \"md5:abc\"}}}");
        assertThatThrownBy(() -> FeatureLockfile.read(file))
                .hasMessageContaining("locks the Feature \"ghcr.io/a/b/c:1\" to the integrity \"md5:abc\"");
    }

    @Test
    void theLockfileLivesBesideDevcontainerJson() {
        assertThat(FeatureLockfile.pathFor(Path.of("/p/.devcontainer/devcontainer.json")))
                .isEqualTo(Path.of("/p/.devcontainer/devcontainer-lock.json"));
        assertThat(FeatureLockfile.pathFor(Path.of("/p/.devcontainer.json"))).isEqualTo(Path.of("/p/.devcontainer-lock.json"));
    }

    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("s", "q\"b\\n\n\t\u0001é\ud800x");
        node.putObject("e");
        node.putArray("a");
        // node -e 'console.log(JSON.stringify({s: "q\"b\\n\n\t\u0001é\ud800x", e: {}, a: []}, null, 2))'
        assertThat(JsStringify.pretty(node)).isEqualTo("{\n  \"s\": \"q\\\"b\\\\n\\n\\t\\u0001é\\ud800x\",\n  \"e\": {},\n  \"a\": []\n}");
    }
}
