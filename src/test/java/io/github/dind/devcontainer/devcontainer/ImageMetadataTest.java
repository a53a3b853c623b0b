package io.github.dind.devcontainer.devcontainer;

import io.github.dind.devcontainer.generate.request.GenerateRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.Renderer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The devcontainer.metadata label: what build records, and how a client merges it (devcontainers/cli imageMetadata.ts). */
class ImageMetadataTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** The generated .devcontainer/ written to a folder: devcontainer.json's text, and the entries of its Features. */
    private record Generated(String devcontainerJson, List<com.fasterxml.jackson.databind.node.ObjectNode> features) {
    }

    private Generated generated(boolean dockerVolume, String remoteUser) throws Exception {
        GenerateRequest spec = GenerateRequest.builder().name("app").distro("debian").dockerVolume(dockerVolume)
                .remoteUser(remoteUser).build();
        java.nio.file.Path folder = dir.resolve(dockerVolume + "-" + remoteUser).resolve(".devcontainer");
        for (GeneratedFile file : new Renderer(null).render(spec)) {
            java.nio.file.Files.createDirectories(folder.resolve(file.fileName()).getParent());
            java.nio.file.Files.writeString(folder.resolve(file.fileName()), file.body());
        }
        String json = java.nio.file.Files.readString(folder.resolve("devcontainer.json"));
        return new Generated(json, io.github.dind.devcontainer.devcontainer.features.Features.plan(
                ImageMetadata.configObject(json, "generated"), folder, folder).stream()
                .map(io.github.dind.devcontainer.devcontainer.features.Features.Installed::metadataEntry).toList());
    }

    @Test
    void theLabelHoldsTheDindFeaturesEntryThenTheClientPropertiesOfTheGeneratedDevcontainerJson() throws Exception {
        Generated generated = generated(true, "root");
        JsonNode label = JSON.readTree(ImageMetadata.label(generated.features(), generated.devcontainerJson(), "devcontainer.json"));
        assertThat(label.isArray()).isTrue();
        assertThat(label).hasSize(2);
        JsonNode dind = label.get(0);
        assertThat(dind.path("id").asText()).isEqualTo("./dind");
        assertThat(dind.path("privileged").asBoolean()).isTrue();
        assertThat(dind.path("mounts").get(0).path("target").asText()).isEqualTo("/var/lib/docker");
        assertThat(dind.path("mounts").get(0).path("source").asText()).isEqualTo("dind-var-lib-docker-${devcontainerId}");
        assertThat(dind.path("onCreateCommand").asText()).isNotBlank();
        assertThat(dind.path("postStartCommand").asText()).isNotBlank();
        JsonNode entry = label.get(1);
        assertThat(entry.path("overrideCommand").isBoolean()).isTrue();
        assertThat(entry.path("overrideCommand").asBoolean()).isFalse();
        assertThat(entry.path("init").asBoolean(true)).isFalse();
        assertThat(entry.path("remoteUser").asText()).isEqualTo("root");
        // what only a devcontainer.json has, never the image
        assertThat(entry.has("build")).isFalse();
        assertThat(entry.has("name")).isFalse();
        assertThat(entry.has("features")).isFalse();
        entry.fieldNames().forEachRemaining(name -> assertThat(ImageMetadata.PROPERTIES).contains(name));
    }

    @Test
    void anImageOnlyDevcontainerJsonBehavesLikeTheGeneratedOne() throws Exception {
        for (boolean volume : List.of(true, false)) {
            for (String user : List.of("root", "dev")) {
                Generated generated = generated(volume, user);
                // how verify (and a client) starts the build-based one: its Features' entries, then the file
                LaunchSettings expected = LaunchSettings.merged(generated.features(), generated.devcontainerJson(), "generated");
                LaunchSettings actual = LaunchSettings.merged(ImageMetadata.entries(ImageMetadata.label(generated.features(),
                        generated.devcontainerJson(), "generated")),
                        "{\"image\": \"registry.example.com/team/app-devcontainer:1.0\"}", "image-only");
                assertThat(actual.privileged()).isEqualTo(expected.privileged()).isTrue();
                assertThat(actual.overrideCommand()).isEqualTo(expected.overrideCommand()).isFalse();
                assertThat(actual.init()).isEqualTo(expected.init());
                assertThat(actual.mounts()).isEqualTo(expected.mounts());
                assertThat(actual.environment()).isEqualTo(expected.environment());
                assertThat(actual.lifecycle()).isEqualTo(expected.lifecycle());
                assertThat(actual.lifecycleHook("onCreateCommand")).isPresent();
                assertThat(actual.remoteUser()).isEqualTo(expected.remoteUser()).isEqualTo(user);
            }
        }
    }

    @Test
    void mergesAsTheDevcontainerCliDoes() throws Exception {
        List<com.fasterxml.jackson.databind.node.ObjectNode> image = ImageMetadata.entries("""
                [{"privileged": true, "init": true, "overrideCommand": false, "remoteUser": "a",
                  "capAdd": ["SYS_PTRACE"], "containerEnv": {"A": "1", "B": "1"},
                  "mounts": [{"source": "v1", "target": "/x", "type": "volume"}, "source=v2,target=/y,type=volume"],
                  "postStartCommand": "echo image"},
                 {"remoteUser": "b", "capAdd": ["SYS_PTRACE", "NET_ADMIN"]}]""");
        LaunchSettings merged = LaunchSettings.merged(image, """
                // the client's file
                {"image": "x", "privileged": false, "overrideCommand": true, "containerEnv": {"B": "2"},
                 "mounts": [{"source": "mine", "target": "/y", "type": "volume"}],
                 "postStartCommand": ["echo", "json"]}""", "devcontainer.json");
        assertThat(merged.privileged()).as("true when any entry says so").isTrue();
        assertThat(merged.init()).isTrue();
        assertThat(merged.overrideCommand()).as("the last boolean wins: devcontainer.json's").isTrue();
        assertThat(merged.remoteUser()).isEqualTo("b");
        assertThat(merged.capAdd()).containsExactly("SYS_PTRACE", "NET_ADMIN");
        assertThat(merged.environment()).containsEntry("A", "1").containsEntry("B", "2");
        assertThat(merged.mounts()).extracting(MountSpec::source).containsExactly("v1", "mine");
        LifecycleHook postStart = merged.lifecycleHook("postStartCommand").orElseThrow();
        assertThat(postStart.commands()).as("both run, the image's first, one after the other")
                .containsExactly(LifecycleCommand.shell("postStartCommand", "echo image"),
                        LifecycleCommand.exec("postStartCommand", List.of("echo", "json")));
    }

    @Test
    void aSingleObjectLabelIsOneEntryAndAnythingElseIsAnError() throws Exception {
        assertThat(ImageMetadata.entries("{\"privileged\": true}")).hasSize(1);
        assertThatThrownBy(() -> ImageMetadata.entries("[1]")).isInstanceOf(IOException.class).hasMessageContaining("not an object");
        assertThatThrownBy(() -> ImageMetadata.entries("\"x\"")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ImageMetadata.entries("{")).isInstanceOf(IOException.class).hasMessageContaining("not JSON");
    }

    @Test
    void onlyAnImageWithoutBuildIsImageBased() throws Exception {
        assertThat(ImageMetadata.isImageBased("{\"image\": \"x\"}", "f")).isTrue();
        assertThat(ImageMetadata.isImageBased("{\"build\": {\"dockerfile\": \"Dockerfile\"}}", "f")).isFalse();
        assertThat(ImageMetadata.isImageBased("{\"image\": \"x\", \"dockerComposeFile\": \"c.yml\"}", "f")).isFalse();
    }
}
