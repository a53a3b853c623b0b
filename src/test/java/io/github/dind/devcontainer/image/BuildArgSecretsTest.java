package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build refuses build args that look like credentials before it talks to a daemon, naming each
 * and its source, never its value. The tokens are made up and assembled at run time.
 */
class BuildArgSecretsTest {
    static final String NPM = "npm_" + "ITfakeITfakeITfakeITfakeITfake123456";
    static final String PROXY_WITH_PASSWORD = "http://alice:" + "pr0xy-passw0rd" + "@proxy.corp:3128";

    @TempDir
    Path project;
    Path devcontainer;
    final RecordingConsole console = new RecordingConsole();
    Map<String, String> pomArgs = new LinkedHashMap<>();
    Map<String, String> environment = Map.of();
    List<String> allowed = List.of();

    @BeforeEach
    void folder() throws Exception {
        devcontainer = Files.createDirectories(project.resolve(".devcontainer"));
        dockerfile("FROM debian:trixie\nARG NPM_TOKEN\nRUN test -n \"$NPM_TOKEN\"\n");
    }

    private void dockerfile(String text) throws Exception {
        Files.writeString(devcontainer.resolve("Dockerfile"), text);
    }

    private BuildRequest built() throws DevcontainerException {
        return BuildRequest.of(new BuildRequest.Settings(devcontainer, project, environment, null,
                ImageName.of("app-devcontainer", List.of("1.0")), pomArgs, Map.of(), true, false, "missing", false, false,
                false, 60, List.of(), allowed), console).orElseThrow();
    }

    @Test
    void aTokenInThePomsBuildArgsIsRefusedNamingItsSourceAndTheSafeWaysNotTheValue() {
        pomArgs.put("NPM_TOKEN", NPM);

        assertThatThrownBy(this::built).isInstanceOfSatisfying(CredentialInBuildException.class, e -> {
            assertThat(e.arguments()).containsExactly("NPM_TOKEN");
            assertThat(e.settings()).containsExactly("buildArgs", "allowedSecrets");
            assertThat(e.isFailure()).isFalse();
            assertThat(e.getMessage()).startsWith("The build argument NPM_TOKEN (buildArgs) holds an npm access token"
                            + " (npm_…, 40 characters): it looks like a credential, and the image would keep it: Docker"
                            + " records the build arguments a Dockerfile declares in the image's history")
                    .contains("no BuildKit secrets (--secret)")
                    .contains("\"remoteEnv\": {\"NPM_TOKEN\": \"${localEnv:NPM_TOKEN}\"} in devcontainer.json")
                    .contains("a file mounted at run time", "a <server> in settings.xml")
                    .endsWith("If it is no secret, list NPM_TOKEN in allowedSecrets.")
                    .doesNotContain(NPM.substring(4));
        });
    }

    @Test
    void theAllowListLetsAnArgumentThrough() throws Exception {
        pomArgs.put("NPM_TOKEN", NPM);
        allowed = List.of(" NPM_TOKEN ", "");

        BuildRequest request = built();

        assertThat(request.buildArgs()).containsEntry("NPM_TOKEN", NPM);
        assertThat(request.allowedSecrets()).containsExactly("NPM_TOKEN");
    }

    @Test
    void devcontainerJsonsArgsAndOptionsAreNamedByTheirSourceLocalEnvIncluded() throws Exception {
        environment = Map.of("NPM_TOKEN", NPM);
        Files.writeString(devcontainer.resolve("devcontainer.json"), """
                {"build": {"dockerfile": "Dockerfile",
                  "args": {"NPM_TOKEN": "${localEnv:NPM_TOKEN}", "UNSET_TOKEN": "${localEnv:NOT_THERE}", "PLAIN": "x"},
                  "options": ["--build-arg", "DB_PASSWORD=hunter2-literal"]}}
                """);
        Path file = devcontainer.resolve("devcontainer.json");

        assertThatThrownBy(this::built).isInstanceOfSatisfying(CredentialInBuildException.class, e -> {
            assertThat(e.arguments()).containsExactly("NPM_TOKEN", "DB_PASSWORD");
            assertThat(e.getMessage()).startsWith("The build arguments NPM_TOKEN (build.args of " + file + ") holds an npm"
                            + " access token (npm_…, 40 characters); DB_PASSWORD (--build-arg in build.options of " + file
                            + ") holds a literal value under a name that means a secret (15 characters): they look like a"
                            + " credential")
                    .contains("A ${localEnv:...} in build.args does not help: the build receives the value")
                    .contains("\"remoteEnv\": {\"NAME\": \"${localEnv:NAME}\"}")
                    .endsWith("If they are no secret, list NPM_TOKEN, DB_PASSWORD in allowedSecrets.")
                    .doesNotContain(NPM.substring(4), "hunter2");
        });
    }

    @Test
    void theMessageNamesThePomParameterAsMavenShowsIt() {
        pomArgs.put("NPM_TOKEN", NPM);

        assertThatThrownBy(this::built).isInstanceOfSatisfying(CredentialInBuildException.class, e -> assertThat(
                e.message((parameter, value) -> "<" + parameter + ">")).contains("NPM_TOKEN (<buildArgs>) holds")
                .contains("in <allowedSecrets>."));
    }

    @Test
    void aPredefinedProxyArgumentIsJudgedOnlyWhenTheDockerfileDeclaresIt() throws Exception {
        pomArgs.put("HTTPS_PROXY", PROXY_WITH_PASSWORD);
        pomArgs.put("no_proxy", "localhost");

        assertThat(built().buildArgs()).containsKey("HTTPS_PROXY"); // Docker keeps it out of the history

        dockerfile("FROM debian:trixie\nARG HTTPS_PROXY\nRUN apt-get update\n");
        assertThatThrownBy(this::built).isInstanceOf(CredentialInBuildException.class)
                .hasMessageStartingWith("The build argument HTTPS_PROXY (buildArgs) holds a URL with a password"
                        + " (http…, 28 characters)")
                .hasMessageContaining("Docker keeps its predefined proxy arguments out of the history only while the"
                        + " Dockerfile does not declare them")
                .hasMessageNotContaining("pr0xy");
    }

    @Test
    void allProxyIsNoPredefinedArgumentOfTheClassicBuilder() {
        pomArgs.put("ALL_PROXY", PROXY_WITH_PASSWORD);

        assertThatThrownBy(this::built).isInstanceOf(CredentialInBuildException.class)
                .hasMessageStartingWith("The build argument ALL_PROXY (buildArgs) holds a URL with a password");
    }

    @Test
    void ordinaryArgumentsPass() throws Exception {
        pomArgs.put("JAVA_VERSION", "21");
        pomArgs.put("TOKENIZER_VERSION", "2.1");
        pomArgs.put("NPM_TOKEN", "");
        pomArgs.put("GITHUB_TOKEN", null); // <GITHUB_TOKEN/> in a pom
        pomArgs.put("HTTP_PROXY", "http://proxy.corp:3128");

        assertThat(built().buildArgs()).containsKeys("JAVA_VERSION", "TOKENIZER_VERSION", "NPM_TOKEN", "GITHUB_TOKEN");
    }

    @Test
    void theDockerClisProxiesCountOnlyWhereTheDockerfileDeclaresThem() throws Exception {
        List<BuildArgSecrets.Arg> fromConfig = List.of(
                new BuildArgSecrets.Arg("HTTP_PROXY", PROXY_WITH_PASSWORD, BuildArgSecrets.DOCKER_CONFIG, true),
                new BuildArgSecrets.Arg("ALL_PROXY", PROXY_WITH_PASSWORD, BuildArgSecrets.DOCKER_CONFIG, true));

        assertThatCode(() -> BuildArgSecrets.refuse(fromConfig, Set.of("NPM_TOKEN"), List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> BuildArgSecrets.refuse(fromConfig, Set.of("ALL_PROXY"), List.of()))
                .isInstanceOf(CredentialInBuildException.class)
                .hasMessageStartingWith("The build argument ALL_PROXY (proxies in the docker CLI's config.json) holds a URL"
                        + " with a password");
        assertThatCode(() -> BuildArgSecrets.refuse(fromConfig, Set.of("ALL_PROXY"), List.of("url-password")))
                .doesNotThrowAnyException();
    }

    @Test
    void theBuilderRefusesADeclaredConfigJsonProxyWithAPasswordBeforeAnyDaemonIsAsked() throws Exception {
        dockerfile("FROM debian:trixie\nARG HTTP_PROXY\n");
        ImageBuilder builder = new ImageBuilder(() -> null, null, "nowhere", console,
                Map.of("HTTP_PROXY", PROXY_WITH_PASSWORD, "http_proxy", PROXY_WITH_PASSWORD));
        BuildRequest request = new BuildRequest(devcontainer, devcontainer.resolve("Dockerfile"),
                ImageName.of("app-devcontainer", List.of("1.0")), Map.of(), Map.of(), null, PullPolicy.MISSING, false,
                false, Duration.ofMinutes(1));

        assertThatThrownBy(() -> builder.build(request)).isInstanceOf(CredentialInBuildException.class)
                .hasMessageStartingWith("The build argument HTTP_PROXY (proxies in the docker CLI's config.json)")
                .hasMessageNotContaining("http_proxy"); // the Dockerfile declares only the upper-case one
    }
}
