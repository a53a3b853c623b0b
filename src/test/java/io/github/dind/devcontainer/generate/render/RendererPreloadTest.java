package io.github.dind.devcontainer.generate.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.image.context.DockerIgnore;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The preload Feature (preloadImages) and what the generated devcontainer configures for Testcontainers. */
class RendererPreloadTest {
    private static Map<String, GeneratedFile> render(GenerateRequest request) throws Exception {
        Map<String, GeneratedFile> files = new LinkedHashMap<>();
        for (GeneratedFile file : new Renderer(null).render(request)) {
            files.put(file.fileName(), file);
        }
        return files;
    }

    private static GenerateRequest preloading(String... images) throws Exception {
        return Requests.build(Requests.sample("debian").preloadImages(List.of(images)));
    }

    @Test
    void withoutImagesThereIsNoPreloadFeature() throws Exception {
        Map<String, GeneratedFile> files = render(Requests.build(Requests.sample("debian")));

        assertThat(files.keySet()).noneMatch(name -> name.startsWith("preload/")).doesNotContain(".dockerignore");
        JsonNode json = Jsonc.parse(files.get("devcontainer.json").body());
        assertThat(json.path("features").has("./preload")).isFalse();
        assertThat(json.path("overrideFeatureInstallOrder")).extracting(JsonNode::textValue).containsExactly("./dind");
    }

    @Test
    void imagesWriteTheFeatureAfterDindWithItsListAndIgnoreFiles() throws Exception {
        Map<String, GeneratedFile> files = render(preloading("testcontainers/ryuk:0.12.0", "registry.example.com:5000/team/db:16"));

        assertThat(files).containsKeys("preload/devcontainer-feature.json", "preload/install.sh", "preload/load.sh",
                "preload/images.txt", "preload/.gitignore", ".dockerignore");
        assertThat(files.get("preload/install.sh").executable()).isTrue();
        assertThat(files.get("preload/load.sh").executable()).isTrue();
        String json = GeneratedFileMarker.stamp(files.get("devcontainer.json"));
        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        JsonNode config = Jsonc.parse(json);
        assertThat(config.path("features").fieldNames()).toIterable().containsExactly("./dind", "./preload");
        assertThat(config.path("overrideFeatureInstallOrder")).extracting(JsonNode::textValue).containsExactly("./dind", "./preload");
        String feature = GeneratedFileMarker.stamp(files.get("preload/devcontainer-feature.json"));
        assertThat(DevcontainerSchema.featureProblems(feature)).isEmpty();
        assertThat(Jsonc.parse(feature).path("id").textValue()).isEqualTo("preload");
        assertThat(Jsonc.parse(feature).path("onCreateCommand").textValue())
                .isEqualTo(TemplateModel.PRELOAD_FOLDER + "/load.sh");
        // the list build reads: the references, one a line, after the comments
        assertThat(GeneratedFileMarker.stamp(files.get("preload/images.txt")).lines().filter(l -> !l.startsWith("#")))
                .containsExactly("testcontainers/ryuk:0.12.0", "registry.example.com:5000/team/db:16");
        assertThat(files.get("preload/.gitignore").body().lines()).contains("images/");
    }

    @Test
    void thePayloadStaysOutOfTheDockerfilesContextAndNothingElseDoes() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse(GeneratedFileMarker.stamp(render(preloading("debian:trixie")).get(".dockerignore")));

        assertThat(ignore.excludes("preload/images/debian_trixie-0123456789ab.tar")).isTrue();
        assertThat(ignore.excludes("preload/images/images.tsv")).isTrue();
        assertThat(ignore.excludes("preload/images.txt")).isFalse();
        assertThat(ignore.excludes("preload/install.sh")).isFalse();
        assertThat(ignore.excludes("startup.sh")).isFalse();
        assertThat(ignore.excludes("dind/install.sh")).isFalse();
        assertThat(ignore.excludes("Dockerfile")).isFalse();
    }

    @Test
    void theFeaturesScriptsPassShellcheck() throws Exception {
        Map<String, GeneratedFile> files = render(preloading("debian:trixie"));
        for (String script : List.of("preload/install.sh", "preload/load.sh")) {
            Processes.Result result = Processes.run(List.of("shellcheck", "--severity=style", "-"),
                    GeneratedFileMarker.stamp(files.get(script)));
            assertThat(result.exitCode()).as(script + ": " + result.stdout()).isZero();
        }
    }

    /**
     * What is configured for Ryuk (Testcontainers' reaper): nothing turns it off or changes it. It
     * stays on, needing only its image (pulled, or preloaded: testcontainers/ryuk in preloadImages)
     * and the socket it mounts, /var/run/docker.sock of the inner daemon, which the image's dockerd
     * serves to the docker group the remote user is in.
     */
    @Test
    void ryukIsLeftOnAndItsImageCanBePreloaded() throws Exception {
        for (GenerateRequest request : List.of(preloading("testcontainers/ryuk:0.12.0"),
                Requests.build(Requests.sample("debian").remoteUser("dev").preloadImages(List.of("testcontainers/ryuk:0.12.0"))))) {
            Map<String, GeneratedFile> files = render(request);
            files.values().forEach(file -> assertThat(file.body()).as(file.fileName())
                    .doesNotContain("TESTCONTAINERS_RYUK_DISABLED").doesNotContain("ryuk.disabled")
                    .doesNotContain("TESTCONTAINERS_RYUK_CONTAINER_PRIVILEGED").doesNotContain("TESTCONTAINERS_HOST_OVERRIDE"));
            JsonNode json = Jsonc.parse(files.get("devcontainer.json").body());
            assertThat(json.has("containerEnv")).isFalse();
            assertThat(json.has("remoteEnv")).isFalse();
            assertThat(files.get("preload/images.txt").body().lines()).contains("testcontainers/ryuk:0.12.0");
            // the inner daemon's socket, which Ryuk mounts, is dockerd's default, for the docker group
            assertThat(files.get("Dockerfile").body()).doesNotContain("DOCKER_HOST");
            assertThat(files.get("startup.sh").body()).doesNotContain("DOCKER_HOST=");
        }
        String dockerfile = render(Requests.build(Requests.sample("debian").remoteUser("dev"))).get("Dockerfile").body();
        assertThat(dockerfile).containsPattern("useradd .*--groups docker \"dev\"");
    }
}
