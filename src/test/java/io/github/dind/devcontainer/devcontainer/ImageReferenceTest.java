package io.github.dind.devcontainer.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "debian", "debian:trixie", "ubuntu:24.04", "alpine:3.24", "cgr.dev/chainguard/wolfi-base:latest",
        "localhost:5000/team/image", "registry.example.com:5000/a/b/c:v1.2_3-rc",
        "my-registry.io/ns/img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "img:tag@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "a__b/c--d/e.f", "[::1]:5000/img"})
    void acceptsReferences(String reference) {
        assertThat(ImageReference.isValid(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "Debian", "debian:", "debian:trixie extra", "debian;id", "debian$(id)", "debian`id`",
        "debian\nRUN id", "-debian", "debian:-tag", "img@sha256:short", "/debian", "debian/",
        "a..b", "host:port/img", "${BASE}"})
    void rejectsEverythingElse(String reference) {
        assertThat(ImageReference.isValid(reference)).isFalse();
    }

    @Test
    void splitsRepositoryTagAndDigest() {
        ImageReference plain = ImageReference.parse("localhost:5000/team/image");
        assertThat(plain.repository()).isEqualTo("localhost:5000/team/image");
        assertThat(plain.tag()).isEqualTo("latest");
        assertThat(plain.digest()).isEmpty();

        ImageReference pinned = ImageReference.parse(
                "img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(pinned.repository()).isEqualTo("img");
        assertThat(pinned.tag()).isNull();
        assertThat(pinned.digest()).isPresent();
        assertThat(ImageReference.parse("debian:trixie").toString()).isEqualTo("debian:trixie");
    }
}
