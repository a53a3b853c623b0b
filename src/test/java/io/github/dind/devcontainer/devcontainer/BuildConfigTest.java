package io.github.dind.devcontainer.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** devcontainer.json's build section as the devcontainer CLI reads it (configuration.ts, utils.ts, singleContainer.ts). */
class BuildConfigTest {
    private static final Path CONFIG = Path.of("/work/app/.devcontainer/devcontainer.json");
    private static final ConfigVariables VARIABLES = new ConfigVariables(Map.of("TEAM", "core"), Path.of("/work/app"));

    private static BuildConfig parse(String json) throws Exception {
        return BuildConfig.parse(json, CONFIG, VARIABLES).orElseThrow();
    }

    @Test
    void readsTheGeneratedLayout() throws Exception {
        BuildConfig build = parse("""
                {
                  // as generate writes it
                  "build": {"dockerfile": "Dockerfile", "context": "."},
                  "privileged": true,
                }
                """);

        assertThat(build.dockerfile()).isEqualTo(Path.of("/work/app/.devcontainer/Dockerfile"));
        assertThat(build.context()).isEqualTo(Path.of("/work/app/.devcontainer"));
        assertThat(build.args()).isEmpty();
        assertThat(build.target()).isNull();
        assertThat(build.cacheFrom()).isEmpty();
        assertThat(build.options()).isEmpty();
        assertThat(build.configFile()).isEqualTo(CONFIG);
    }

    @Test
    void readsEveryBuildPropertyRelativeToTheFilesFolder() throws Exception {
        String json = """
                {"build": {
                  "dockerfile": "docker/dev.Dockerfile",
                  "context": "..",
                  "args": {"TEAM": "${localEnv:TEAM}", "HOME_DIR": "${localWorkspaceFolder}", "B": "2", "A": "1"},
                  "target": "dev",
                  "cacheFrom": ["registry.example.com/app:latest", "app:${localEnv:TEAM}"],
                  "options": ["--network=host", "--add-host", "db:10.0.0.5"]
                }}
                """;
        assertThat(DevcontainerSchema.problems(json)).isEmpty();

        BuildConfig build = parse(json);

        assertThat(build.dockerfile()).isEqualTo(Path.of("/work/app/.devcontainer/docker/dev.Dockerfile"));
        assertThat(build.context()).isEqualTo(Path.of("/work/app"));
        assertThat(build.args()).containsExactly(Map.entry("TEAM", "core"), Map.entry("HOME_DIR", "/work/app"),
                Map.entry("B", "2"), Map.entry("A", "1"));
        assertThat(build.target()).isEqualTo("dev");
        assertThat(build.cacheFrom()).containsExactly("registry.example.com/app:latest", "app:core");
        assertThat(build.options()).containsExactly("--network=host", "--add-host", "db:10.0.0.5");
    }

    @Test
    void withoutAContextTheDockerfilesFolderIsTheContext() throws Exception {
        assertThat(parse("{\"build\": {\"dockerfile\": \"../docker/Dockerfile\"}}").context())
                .isEqualTo(Path.of("/work/app/docker"));
        // an empty context is no context (the CLI tests it for truthiness)
        assertThat(parse("{\"build\": {\"dockerfile\": \"Dockerfile\", \"context\": \"\", \"target\": \"\"}}"))
                .satisfies(b -> {
                    assertThat(b.context()).isEqualTo(Path.of("/work/app/.devcontainer"));
                    assertThat(b.target()).isNull();
                });
    }

    @Test
    void readsTheLegacyTopLevelDockerFileAndContext() throws Exception {
        BuildConfig build = parse("""
                {"dockerFile": "Dockerfile", "context": "..",
                 "build": {"context": "ignored", "args": {"X": "1"}, "target": "t", "cacheFrom": "c:1"}}
                """);

        assertThat(build.dockerfile()).isEqualTo(Path.of("/work/app/.devcontainer/Dockerfile"));
        assertThat(build.context()).isEqualTo(Path.of("/work/app"));
        assertThat(build.args()).containsExactly(Map.entry("X", "1"));
        assertThat(build.target()).isEqualTo("t");
        assertThat(build.cacheFrom()).containsExactly("c:1");
    }

    @Test
    void anImageBasedFileBuildsNothing() throws Exception {
        assertThat(BuildConfig.parse("{\"image\": \"debian:trixie\", \"build\": {\"args\": {\"A\": \"1\"}}}", CONFIG,
                VARIABLES)).isEmpty();
        assertThat(BuildConfig.kind("{\"image\": \"x\", \"dockerComposeFile\": \"c.yml\"}", CONFIG))
                .isEqualTo(BuildConfig.Kind.IMAGE);
        assertThat(BuildConfig.kind("{\"image\": \"x\", \"build\": {\"dockerfile\": \"D\"}}", CONFIG))
                .isEqualTo(BuildConfig.Kind.DOCKERFILE);
    }

    @Test
    void refusesComposeAndAFileThatNamesNothing() {
        assertThatThrownBy(() -> parse("{\"dockerComposeFile\": \"compose.yml\", \"service\": \"app\"}"))
                .isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("dockerComposeFile in " + CONFIG + ": a Docker Compose devcontainer is not supported");
        assertThatThrownBy(() -> parse("{\"build\": {\"context\": \"..\"}}"))
                .isInstanceOf(DevcontainerJsonException.class)
                .hasMessageContaining("names no image, no build.dockerfile");
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"\"}}"))
                .hasMessageStartingWith("build.dockerfile in " + CONFIG + ": is empty");
    }

    @Test
    void aWrongTypeNamesTheProperty() {
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"D\", \"args\": {\"A\": {\"x\": 1}}}}"))
                .isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("build.args.A in " + CONFIG + ": must be a string");
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"D\", \"options\": \"--network=host\"}}"))
                .hasMessageStartingWith("build.options in " + CONFIG + ": must be an array of strings");
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"D\", \"cacheFrom\": [1]}}"))
                .hasMessageStartingWith("build.cacheFrom in " + CONFIG + ": must be a string or an array of strings");
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": 1}}"))
                .hasMessageStartingWith("build.dockerfile in " + CONFIG + ": must be a string");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"build\": ")).hasMessageContaining("not JSON with comments");
    }

    @Test
    void aVariableOnlyAContainerKnowsIsRefusedWhereItIs() {
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"D\", \"args\": {\"ID\": \"${devcontainerId}\"}}}"))
                .isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("build.args.ID in " + CONFIG + ": ${devcontainerId} is known only once")
                .hasMessageContaining("Give the value itself");
        assertThatThrownBy(() -> parse("{\"build\": {\"dockerfile\": \"D\", \"options\": [\"--label=w=${containerWorkspaceFolder}\"]}}"))
                .hasMessageStartingWith("build.options in " + CONFIG + ": ${containerWorkspaceFolder} is known only once");
    }

    @Test
    void scalarsAreTheirText() throws Exception {
        // the schema wants strings; the CLI writes any value into --build-arg NAME=VALUE as JavaScript prints it
        assertThat(parse("{\"build\": {\"dockerfile\": \"D\", \"args\": {\"N\": 1, \"B\": true}}}").args())
                .containsExactly(Map.entry("N", "1"), Map.entry("B", "true"));
        assertThat(parse("{\"build\": {\"dockerfile\": \"D\", \"cacheFrom\": \"one:1\"}}").cacheFrom())
                .isEqualTo(List.of("one:1"));
    }
}
