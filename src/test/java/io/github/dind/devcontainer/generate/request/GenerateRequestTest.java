package io.github.dind.devcontainer.generate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateRequestTest {

    @Test
    void defaultsToWolfiAsRoot() throws Exception {
        GenerateRequest spec = GenerateRequest.builder().name("x").build();

        assertThat(spec.distro()).isEqualTo(Distro.WOLFI);
        assertThat(spec.baseImage().toString()).isEqualTo("cgr.dev/chainguard/wolfi-base:latest");
        assertThat(spec.remoteUser()).isEqualTo("root");
        assertThat(spec.nonRootUser()).isFalse();
        assertThat(spec.dockerVolume()).isTrue();
        assertThat(spec.dockerdTimeoutSeconds()).isEqualTo(30);
        assertThat(spec.packages()).isEqualTo(Distro.WOLFI.packages());
    }

    @Test
    void distroIdsAreCaseInsensitiveAndUnknownOnesAreListed() throws Exception {
        assertThat(Requests.sample("Debian").build().distro()).isEqualTo(Distro.DEBIAN);
        assertThatThrownBy(() -> Requests.sample("arch").build())
                .hasMessageContaining("distro \"arch\" must be one of wolfi, alpine, debian, ubuntu");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Requests.sample("debian").remoteUser("Bad User").baseImage("Not An Image")
                .packages(List.of("ok-pkg", "bad;pkg")).dockerdTimeoutSeconds(0).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(InvalidRequestException.Violation::parameter)
                        .containsExactly("baseImage", "remoteUser", "packages", "dockerdTimeout"))
                .hasMessageStartingWith("Invalid devcontainer configuration, nothing was written:");
    }

    @Test
    void extraPackagesFollowTheDistrosAndDuplicatesAreDropped() throws Exception {
        GenerateRequest spec = Requests.sample("debian").packages(List.of("maven", "git")).build();

        assertThat(spec.packages()).endsWith("maven").containsOnlyOnce("git");
    }

    @Test
    void aNonRootUserGetsSudo() throws Exception {
        GenerateRequest spec = Requests.sample("alpine").remoteUser("dev").build();

        assertThat(spec.nonRootUser()).isTrue();
        assertThat(spec.packages()).contains("sudo");
    }

    @Test
    void labelWhitespaceIsFoldedAndBlankLabelsAreDropped() throws Exception {
        GenerateRequest spec = Requests.sample("debian")
                .label("org.opencontainers.image.description", "  A project\n   that spans\tlines  ")
                .label("org.opencontainers.image.url", null)
                .label("org.opencontainers.image.vendor", " ")
                .build();

        assertThat(spec.labels()).containsEntry("org.opencontainers.image.description", "A project that spans lines")
                .doesNotContainKeys("org.opencontainers.image.url", "org.opencontainers.image.vendor");
    }

    @Test
    void violationsShowTheValueSafely() {
        InvalidRequestException e = new InvalidRequestException(List.of(new InvalidRequestException.Violation("name", "a\nb\"c", "x")));

        assertThat(e.message((parameter, value) -> "<" + parameter + ">")).endsWith("<name> \"a\\nb\\\"c\" must be x");
        assertThat(e.settings()).containsExactly("name");
    }

    @Test
    void preloadImagesMustBeReferencesDockerAcceptsAndAreKeptOnceInOrder() throws Exception {
        GenerateRequest request = Requests.sample("debian")
                .preloadImages(java.util.Arrays.asList(" testcontainers/ryuk:0.12.0 ", "", null, "postgres:16",
                        "testcontainers/ryuk:0.12.0"))
                .build();
        assertThat(request.preloadImages()).containsExactly("testcontainers/ryuk:0.12.0", "postgres:16");
        assertThat(request.preload()).isTrue();
        assertThat(Requests.sample("debian").build().preload()).isFalse();
        // a bare name is its latest tag: docker save of a bare name saves every tag the host has
        assertThat(Requests.sample("debian").preloadImages(List.of("postgres")).build().preloadImages())
                .containsExactly("postgres:latest");
        assertThatThrownBy(() -> Requests.sample("debian").preloadImages(List.of("postgres@sha256:" + "a".repeat(64))).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be an image named by its tag (name:tag), not by a digest");

        assertThatThrownBy(() -> Requests.sample("debian").preloadImages(List.of("Postgres:16", "a b")).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(InvalidRequestException.Violation::parameter)
                        .containsExactly("preloadImages", "preloadImages"))
                .hasMessageContaining("\"Postgres:16\" must be a Docker image reference");
    }
}
