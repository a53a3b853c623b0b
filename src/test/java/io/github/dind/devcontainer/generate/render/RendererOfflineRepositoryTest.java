package io.github.dind.devcontainer.generate.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import io.github.dind.devcontainer.generate.request.Distro;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.InvalidRequestException;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The offline-repository Feature: written only when asked for, named by devcontainer.json, valid, shellcheck-clean. */
class RendererOfflineRepositoryTest {
    private static final JavaToolchain.ProjectJava RELEASE_17 = new JavaToolchain.ProjectJava(17, "the pom");

    private static Map<String, GeneratedFile> render(GenerateRequest.Builder builder) throws TemplateException {
        return new Renderer(null).render(Requests.build(builder)).stream()
                .collect(Collectors.toMap(GeneratedFile::fileName, Function.identity()));
    }

    private static GenerateRequest.Builder offline(Distro distro) {
        return Requests.sample(distro.id()).projectJava(RELEASE_17).remoteUser("dev").offlineRepository(true);
    }

    @Test
    void offByDefaultNothingIsWritten() throws Exception {
        Map<String, GeneratedFile> files = render(Requests.sample("debian").projectJava(RELEASE_17));

        assertThat(files.keySet()).noneMatch(name -> name.startsWith("offline-repository/") || name.equals(".dockerignore"));
        assertThat(Jsonc.parse(files.get("devcontainer.json").body()).path("features").has("./offline-repository")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void theFeatureIsNamedAfterDindAndEveryFileIsValid(Distro distro) throws Exception {
        Map<String, GeneratedFile> files = render(offline(distro));

        String json = GeneratedFileMarker.stamp(files.get("devcontainer.json"));
        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        JsonNode config = Jsonc.parse(json);
        List<String> features = new java.util.ArrayList<>();
        config.path("features").fieldNames().forEachRemaining(features::add);
        assertThat(features).containsExactly("./dind", "./offline-repository");
        assertThat(config.path("overrideFeatureInstallOrder").get(0).textValue()).isEqualTo("./dind");

        String feature = GeneratedFileMarker.stamp(files.get("offline-repository/devcontainer-feature.json"));
        assertThat(DevcontainerSchema.featureProblems(feature)).isEmpty();
        assertThat(Jsonc.parse(feature).path("onCreateCommand").textValue())
                .isEqualTo("/usr/local/bin/devcontainer-offline-repository");
        assertThat(files.get("offline-repository/install.sh").executable()).isTrue();
        assertThat(files.get("offline-repository/copy-repository.sh").body())
                .contains("target=/home/dev/.m2/repository\n", "share=/usr/local/share/devcontainer/m2-repository\n");
        assertThat(files.get("offline-repository/.gitignore").body()).contains("\nrepository.tar\nrepository.key\n");
        assertThat(files.get(".dockerignore").body()).contains("\noffline-repository/\n");
    }

    @Test
    void bothScriptsPassShellcheck() throws Exception {
        Map<String, GeneratedFile> files = render(offline(Distro.WOLFI));
        for (String script : List.of("offline-repository/install.sh", "offline-repository/copy-repository.sh")) {
            Processes.Result result = Processes.run(List.of("shellcheck", "--shell=sh", "--severity=style", "-"),
                    GeneratedFileMarker.stamp(files.get(script)));

            assertThat(result.exitCode()).as(script + ": " + result.stdout()).isZero();
        }
    }

    @Test
    void withoutMavenItIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> offline(Distro.DEBIAN).maven("none").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("<offlineRepository>")
                .hasMessageContaining("must be false in a devcontainer without Maven");
    }
}
