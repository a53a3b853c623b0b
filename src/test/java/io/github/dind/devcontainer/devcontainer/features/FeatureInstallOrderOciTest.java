package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install order with Features from registries, as devcontainers/cli's containerFeaturesOrder.ts
 * computes it: two OCI Features are the same when their manifest digests and options are
 * ({@code compareTo}), an {@code installsAfter} names a Feature by its resource without tag or by a
 * {@code legacyIds} alias from the manifest's annotation ({@code satisfiesSoftDependency}), and a
 * round sorts OCI Features by registry and namespace, then id, tag, options
 * ({@code ociResourceCompareTo}). Each expected order is worked out from that source and says which
 * order a simpler reading would give instead. (The CLI's own OCI order test needs ghcr.io; this one
 * serves the manifests itself.)
 */
class FeatureInstallOrderOciTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    Path devcontainer;
    final FakeRegistry registry = new FakeRegistry();

    /** Manifests by resource:tag, each with its Feature's devcontainer-feature.json as annotation and files. */
    final class FakeRegistry implements FeatureRegistry {
        final Map<String, OciManifest> manifests = new HashMap<>();
        final Map<String, Path> folders = new HashMap<>();
        final List<String> filesAskedFor = new ArrayList<>();

        void publish(String resourceAndTag, String digestLetter, String featureJson, boolean annotated) throws Exception {
            String digest = "sha256:" + digestLetter.repeat(64);
            ObjectNode json = (ObjectNode) JSON.readTree(featureJson);
            manifests.put(resourceAndTag, new OciManifest(digest, "sha256:" + "f".repeat(64), 1, annotated ? json : null));
            Path folder = Files.createDirectories(dir.resolve("cache").resolve(digestLetter));
            Files.writeString(folder.resolve("devcontainer-feature.json"), featureJson);
            Files.writeString(folder.resolve("install.sh"), "#!/bin/sh\n");
            folders.put(digest, folder);
        }

        @Override
        public OciManifest manifest(String userFeatureId, OciReference ref) throws FeatureException {
            OciManifest manifest = manifests.get(ref.resource() + ":" + ref.tag());
            if (manifest == null) {
                throw new FeatureException("no " + ref);
            }
            return manifest;
        }

        @Override
        public Path files(String userFeatureId, OciReference ref, OciManifest manifest) {
            filesAskedFor.add(userFeatureId);
            return folders.get(manifest.digest());
        }
    }

    @BeforeEach
    void folders() throws Exception {
        devcontainer = Files.createDirectories(dir.resolve(".devcontainer"));
    }

    private void local(String name, String json) throws Exception {
        Path folder = Files.createDirectories(devcontainer.resolve(name));
        Files.writeString(folder.resolve("devcontainer-feature.json"), json);
        Files.writeString(folder.resolve("install.sh"), "#!/bin/sh\n");
    }

    private List<String> order(String config) throws Exception {
        return Features.order((ObjectNode) JSON.readTree(config), devcontainer, devcontainer, registry).stream()
                .map(p -> p.userFeatureId() + " " + p.options()).toList();
    }

    @Test
    void anInstallsAfterByALegacyIdWaitsForTheRenamedFeature() throws Exception {
        // hello was called hey: publish put the same manifest under both names (features publish, legacyIds)
        String hello = "{\"id\": \"hello\", \"version\": \"1.0.0\", \"legacyIds\": [\"hey\"]}";
        registry.publish("reg.example.com/ns/hello:1", "a", hello, true);
        registry.publish("reg.example.com/ns/hey:latest", "a", hello, true);
        local("late", "{\"id\": \"late\", \"installsAfter\": [\"reg.example.com/ns/hey\"]}");
        local("app", "{\"id\": \"app\"}");

        // round 1: ./app and hello (across kinds by id: "./app" first); ./late waits for hey, which hello is.
        // Without the alias, ./late's installsAfter names nothing installed and is dropped: ./app, ./late, hello
        assertThat(order("{\"features\": {\"./late\": {}, \"reg.example.com/ns/hello:1\": {}, \"./app\": {}}}"))
                .containsExactly("./app {}", "reg.example.com/ns/hello:1 {}", "./late {}");
        // the installsAfter's aliases came from the annotation: its files were never fetched
        assertThat(registry.filesAskedFor).containsExactlyInAnyOrder("reg.example.com/ns/hello:1");
    }

    @Test
    void withoutAnAnnotationTheAliasesComeFromTheFeaturesOwnFile() throws Exception {
        String hello = "{\"id\": \"hello\", \"version\": \"1.0.0\", \"legacyIds\": [\"hey\"]}";
        registry.publish("reg.example.com/ns/hello:1", "a", hello, false);
        registry.publish("reg.example.com/ns/hey:latest", "a", hello, false);
        local("late", "{\"id\": \"late\", \"installsAfter\": [\"reg.example.com/ns/hey\"]}");

        assertThat(order("{\"features\": {\"./late\": {}, \"reg.example.com/ns/hello:1\": {}}}"))
                .containsExactly("reg.example.com/ns/hello:1 {}", "./late {}");
        assertThat(registry.filesAskedFor).contains("reg.example.com/ns/hey");
    }

    @Test
    void anotherTagOfTheSameManifestWithTheSameOptionsIsTheSameFeature() throws Exception {
        String hello = "{\"id\": \"hello\", \"version\": \"1.0.0\", \"options\": {\"greeting\": {\"type\": \"string\"}}}";
        registry.publish("reg.example.com/ns/hello:1", "a", hello, true);
        registry.publish("reg.example.com/ns/hello:1.0", "a", hello, true);
        local("app", "{\"id\": \"app\", \"dependsOn\": {\"reg.example.com/ns/hello:1.0\": {\"greeting\": \"x\"}}}");

        assertThat(order("{\"features\": {\"reg.example.com/ns/hello:1\": {\"greeting\": \"x\"}, \"./app\": {}}}"))
                .containsExactly("reg.example.com/ns/hello:1 {\"greeting\":\"x\"}", "./app {}");
        // other options: installed twice, in one round, by tag ("1" before "1.0")
        assertThat(order("{\"features\": {\"reg.example.com/ns/hello:1\": {\"greeting\": \"y\"}, \"./app\": {}}}"))
                .containsExactly("reg.example.com/ns/hello:1 {\"greeting\":\"y\"}", "reg.example.com/ns/hello:1.0 {\"greeting\":\"x\"}",
                        "./app {}");
    }

    @Test
    void aRoundSortsByRegistryAndNamespaceBeforeTheId() throws Exception {
        registry.publish("reg.example.com/ns-b/a:1", "b", "{\"id\": \"a\", \"version\": \"1.0.0\"}", true);
        registry.publish("reg.example.com/ns/a:1", "c", "{\"id\": \"a\", \"version\": \"1.0.0\"}", true);

        // "reg.example.com/ns" < "reg.example.com/ns-b"; the whole ids compare the other way ('-' before '/')
        assertThat(order("{\"features\": {\"reg.example.com/ns-b/a:1\": {}, \"reg.example.com/ns/a:1\": {}}}"))
                .containsExactly("reg.example.com/ns/a:1 {}", "reg.example.com/ns-b/a:1 {}");
    }

    @Test
    void anOverrideWithoutTagPutsTheTaggedFeatureFirst() throws Exception {
        registry.publish("reg.example.com/ns/zzz:2", "d", "{\"id\": \"zzz\", \"version\": \"2.0.0\"}", true);
        registry.publish("reg.example.com/ns/zzz:latest", "e", "{\"id\": \"zzz\", \"version\": \"2.1.0\"}", true);
        local("app", "{\"id\": \"app\"}");
        String features = "\"features\": {\"./app\": {}, \"reg.example.com/ns/zzz:2\": {}}";

        assertThat(order("{" + features + "}")).containsExactly("./app {}", "reg.example.com/ns/zzz:2 {}");
        assertThat(order("{" + features + ", \"overrideFeatureInstallOrder\": [\"reg.example.com/ns/zzz\"]}"))
                .containsExactly("reg.example.com/ns/zzz:2 {}", "./app {}");
    }
}
