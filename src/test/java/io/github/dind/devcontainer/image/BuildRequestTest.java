package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.devcontainer.DevcontainerJsonException;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.image.context.BuildContextException;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each part of the build comes from: devcontainer.json, the pom, and which wins (BuildInputs). */
class BuildRequestTest {
    @TempDir
    Path project;
    Path devcontainer;
    final RecordingConsole console = new RecordingConsole();

    String pomDockerfile;
    Map<String, String> pomArgs;
    List<String> pomCacheFrom;
    String pull = "missing";
    boolean offline;

    @BeforeEach
    void folder() throws Exception {
        devcontainer = Files.createDirectories(project.resolve(".devcontainer"));
    }

    private Optional<BuildRequest> request() throws DevcontainerException {
        return BuildRequest.of(new BuildRequest.Settings(devcontainer, project, Map.of("TEAM", "core"), pomDockerfile,
                ImageName.of("app-devcontainer", List.of("1.0")), pomArgs,
                Map.of("org.opencontainers.image.title", "app"), true, false, pull, offline, false, false, 60,
                pomCacheFrom, List.of(), project.resolve("m2-repository"), false), console);
    }

    private BuildRequest built() throws DevcontainerException {
        return request().orElseThrow();
    }

    private void json(String text) throws Exception {
        Files.writeString(devcontainer.resolve("devcontainer.json"), text);
    }

    private void file(String path) throws Exception {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "FROM debian:trixie AS base\nFROM base AS dev\nFROM dev AS test\n");
    }

    @Test
    void theGeneratedLayoutBuildsItsFolderAndRecordsItsMetadata() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"context\": \".\"}, \"privileged\": true}");

        BuildRequest request = built();

        assertThat(request.contextDirectory()).isEqualTo(devcontainer);
        assertThat(request.dockerfile()).isEqualTo(devcontainer.resolve("Dockerfile"));
        assertThat(request.buildArgs()).isEmpty();
        assertThat(request.target()).isNull();
        assertThat(request.labels()).containsEntry("org.opencontainers.image.title", "app")
                .containsEntry(ImageMetadata.LABEL, "[{\"privileged\":true}]");
        assertThat(console.warn()).isEmpty();
    }

    @Test
    void devcontainerJsonsBuildSectionIsTheSource() throws Exception {
        file("docker/dev.Dockerfile");
        json("""
                {"build": {
                  "dockerfile": "../docker/dev.Dockerfile",
                  "context": "..",
                  "args": {"TEAM": "${localEnv:TEAM}", "WHERE": "${localWorkspaceFolderBasename}"},
                  "target": "dev",
                  "cacheFrom": "registry.example.com/app:cache",
                  "options": ["--network=none", "--add-host=db:10.0.0.5", "--label=org.opencontainers.image.title=own"]
                }}
                """);

        BuildRequest request = built();

        assertThat(request.contextDirectory()).isEqualTo(project);
        assertThat(request.dockerfile()).isEqualTo(project.resolve("docker/dev.Dockerfile"));
        assertThat(request.buildArgs()).containsExactly(Map.entry("TEAM", "core"),
                Map.entry("WHERE", project.getFileName().toString()));
        assertThat(request.target()).isEqualTo("dev");
        assertThat(request.cacheFrom()).containsExactly("registry.example.com/app:cache");
        assertThat(request.network()).isEqualTo("none");
        assertThat(request.extraHosts()).containsExactly("db:10.0.0.5");
        assertThat(request.labels()).containsEntry("org.opencontainers.image.title", "own");
        assertThat(console.info()).anyMatch(line -> line.startsWith("Building from " + devcontainer.resolve("devcontainer.json")
                + ": " + project.resolve("docker/dev.Dockerfile") + ", context " + project + ", target \"dev\", build args TEAM, WHERE"));
    }

    @Test
    void thePomsDockerfileOverridesWithAWarning() throws Exception {
        file(".devcontainer/Dockerfile");
        file(".devcontainer/ci.Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\"}}");
        pomDockerfile = "ci.Dockerfile";

        assertThat(built().dockerfile()).isEqualTo(devcontainer.resolve("ci.Dockerfile"));
        assertThat(console.warn()).singleElement().asString()
                .contains("overrides " + devcontainer.resolve("Dockerfile"))
                .contains("devcontainer clients build devcontainer.json's");
    }

    @Test
    void thePomNamingTheSameDockerfileIsNoOverride() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\"}}");
        pomDockerfile = "./Dockerfile";

        assertThat(built().dockerfile()).isEqualTo(devcontainer.resolve("Dockerfile"));
        assertThat(console.warn()).isEmpty();
    }

    @Test
    void buildArgsMergeKeyByKeyThePomWinning() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"args\": {\"A\": \"1\", \"B\": \"2\", \"SAME\": \"s\"},"
                + " \"options\": [\"--build-arg\", \"B=3\"]}}");
        pomArgs = new LinkedHashMap<>();
        pomArgs.put("B", "4");
        pomArgs.put("C", "5");
        pomArgs.put("SAME", "s");

        assertThat(built().buildArgs()).containsExactly(Map.entry("A", "1"), Map.entry("B", "4"), Map.entry("SAME", "s"),
                Map.entry("C", "5"));
        assertThat(console.warn()).singleElement().asString().contains("overrides B of ")
                .contains("the plugin builds with the pom's values");
    }

    @Test
    void cacheImagesAreThePomsThenDevcontainerJsons() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"cacheFrom\": [\"json:1\", \"pom:1\"],"
                + " \"options\": [\"--cache-from=option:1\"]}}");
        pomCacheFrom = List.of("pom:1", " ");

        assertThat(built().cacheFrom()).containsExactly("pom:1", "json:1", "option:1");
    }

    @Test
    void aBadCacheImageInDevcontainerJsonNamesTheProperty() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"cacheFrom\": \"Not An Image\"}}");

        assertThatThrownBy(this::built).isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("build.cacheFrom in " + devcontainer.resolve("devcontainer.json"));
    }

    @Test
    void anImageBasedDevcontainerHasNothingToBuild() throws Exception {
        json("{\"image\": \"registry.example.com/team/app:latest\"}");

        assertThat(request()).isEmpty();
        assertThat(console.info()).singleElement().asString().startsWith("Nothing to build: ")
                .contains("opens a named image");
    }

    @Test
    void anImageBasedDevcontainerBuildsFromTheConfigurationGenerateWroteBesideIt() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"image\": \"registry.example.com/team/app:latest\"}");
        Files.createDirectories(devcontainer.resolve("build"));
        Files.writeString(devcontainer.resolve("build/devcontainer.json"),
                "{\"build\": {\"dockerfile\": \"../Dockerfile\", \"context\": \"..\"}, \"init\": false}");

        BuildRequest request = built();

        assertThat(request.contextDirectory()).isEqualTo(devcontainer);
        assertThat(request.dockerfile()).isEqualTo(devcontainer.resolve("Dockerfile"));
        assertThat(request.labels()).containsEntry(ImageMetadata.LABEL, "[{\"init\":false}]");
    }

    @Test
    void aBesideConfigurationThatDoesNotBuildIsAnError() throws Exception {
        json("{\"image\": \"registry.example.com/team/app:latest\"}");
        Files.createDirectories(devcontainer.resolve("build"));
        Files.writeString(devcontainer.resolve("build/devcontainer.json"), "{\"image\": \"other:1\"}");

        assertThatThrownBy(this::built).isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("build.dockerfile in " + devcontainer.resolve("build/devcontainer.json") + ": missing");
    }

    @Test
    void anImageBasedDevcontainerBuildsThePomsDockerfileWhenItNamesOne() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"image\": \"registry.example.com/team/app:latest\"}");
        pomDockerfile = "Dockerfile";

        assertThat(built().dockerfile()).isEqualTo(devcontainer.resolve("Dockerfile"));
        assertThat(built().labels()).doesNotContainKey(ImageMetadata.LABEL);
    }

    @Test
    void withoutDevcontainerJsonThePomDescribesTheBuild() throws Exception {
        file(".devcontainer/sub/Dockerfile");
        pomDockerfile = "sub/Dockerfile";
        pomArgs = Map.of("A", "1");

        BuildRequest request = built();

        assertThat(request.contextDirectory()).isEqualTo(devcontainer);
        assertThat(request.dockerfile()).isEqualTo(devcontainer.resolve("sub/Dockerfile"));
        assertThat(request.buildArgs()).containsExactly(Map.entry("A", "1"));
        assertThat(request.labels()).doesNotContainKey(ImageMetadata.LABEL);
        pomDockerfile = null;
        assertThat(built().dockerfile()).isEqualTo(devcontainer.resolve("Dockerfile"));
    }

    @Test
    void aMissingDockerfileOrContextNamesThePropertyThatPointsThere() throws Exception {
        json("{\"build\": {\"dockerfile\": \"Missing.Dockerfile\"}}");
        assertThatThrownBy(this::built).isInstanceOf(BuildContextException.class)
                .hasMessageContaining("There is no Dockerfile at " + devcontainer.resolve("Missing.Dockerfile")
                        + ", which build.dockerfile of");

        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"context\": \"../nowhere\"}}");
        assertThatThrownBy(this::built).isInstanceOf(BuildContextException.class)
                .hasMessageContaining("The build context " + project.resolve("nowhere"));
    }

    @Test
    void composeIsRefused() throws Exception {
        json("{\"dockerComposeFile\": \"compose.yml\", \"service\": \"app\", \"workspaceFolder\": \"/w\"}");

        assertThatThrownBy(this::built).isInstanceOf(DevcontainerJsonException.class)
                .hasMessageContaining("a Docker Compose devcontainer is not supported");
    }

    @Test
    void aFeatureThatCannotBeHadFailsNamingFeaturesAndTheFeature() throws Exception {
        file(".devcontainer/Dockerfile");
        offline = true;
        json("{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"features\": {\"reg.example.com/ns/tool:1\": {}}}");
        assertThatThrownBy(this::built).isInstanceOf(DevcontainerJsonException.class)
                .hasMessageContaining("features").hasMessageContaining("The Feature \"reg.example.com/ns/tool:1\" cannot be fetched:"
                        + " Maven runs offline (-o), and it is not in the Feature cache "
                        + project.resolve("m2-repository/.cache/devcontainer-maven-plugin/features"));
        json("{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"features\": {\"https://example.com/devcontainer-feature-tool.tgz\": {}}}");
        assertThatThrownBy(this::built).isInstanceOf(DevcontainerJsonException.class)
                .hasMessageContaining("fetches Features from OCI registries and local folders, not from tarball URLs");
    }

    @Test
    void pullAndNoCacheFromTheOptions() throws Exception {
        file(".devcontainer/Dockerfile");
        json("{\"build\": {\"dockerfile\": \"Dockerfile\", \"options\": [\"--pull\", \"--no-cache\"]}}");

        BuildRequest request = built();
        assertThat(request.pull()).isEqualTo(PullPolicy.ALWAYS);
        assertThat(request.noCache()).isTrue();

        pull = "never";
        assertThat(built().pull()).isEqualTo(PullPolicy.NEVER);

        pull = "missing";
        offline = true;
        assertThat(built().pull()).isEqualTo(PullPolicy.NEVER);
        assertThat(console.info()).contains("Maven runs offline: base images are not pulled (pull=never)");
    }
}
