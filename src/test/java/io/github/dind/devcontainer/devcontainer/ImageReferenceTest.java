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

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OTHER = "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        // reference                                      | repository                  | written tag | tag    | digest
        "debian                                           | debian                      | -           | latest | -",
        "debian:trixie                                    | debian                      | trixie      | trixie | -",
        "debian@" + DIGEST + "                            | debian                      | -           | -      | " + DIGEST,
        "debian:trixie@" + DIGEST + "                     | debian                      | trixie      | trixie | " + DIGEST,
        "registry.example.com:5000/team/base:1.2          | registry.example.com:5000/team/base | 1.2 | 1.2    | -",
        "registry.example.com:5000/team/base              | registry.example.com:5000/team/base | -   | latest | -",
        "localhost:5000/x                                 | localhost:5000/x            | -           | latest | -",
        "localhost:5000/x:dev@" + DIGEST + "              | localhost:5000/x            | dev         | dev    | " + DIGEST,
        "127.0.0.1:5000/base/debian:trixie                | 127.0.0.1:5000/base/debian  | trixie      | trixie | -"})
    void readsEveryFormOfAReference(String reference, String repository, String writtenTag, String tag, String digest) {
        ImageReference parsed = ImageReference.parse(reference);

        assertThat(parsed.repository()).isEqualTo(repository);
        assertThat(parsed.writtenTag()).isEqualTo(java.util.Optional.ofNullable(writtenTag));
        assertThat(parsed.tag()).isEqualTo(tag);
        assertThat(parsed.digest()).isEqualTo(java.util.Optional.ofNullable(digest));
        assertThat(parsed.toString()).isEqualTo(reference);
    }

    @Test
    void aPinKeepsTheTagAndAFloatingReferenceDropsTheDigest() {
        assertThat(ImageReference.parse("debian:trixie").pinned(DIGEST).toString()).isEqualTo("debian:trixie@" + DIGEST);
        assertThat(ImageReference.parse("localhost:5000/x").pinned(DIGEST).toString()).isEqualTo("localhost:5000/x:latest@" + DIGEST);
        assertThat(ImageReference.parse("debian:trixie@" + DIGEST).pinned(OTHER).toString()).isEqualTo("debian:trixie@" + OTHER);
        assertThat(ImageReference.parse("debian:trixie@" + DIGEST).floating().toString()).isEqualTo("debian:trixie");
        assertThat(ImageReference.parse("debian@" + DIGEST).floating().toString()).isEqualTo("debian:latest");
        assertThat(ImageReference.parse("registry.example.com:5000/team/base@" + DIGEST).tagged())
                .isEqualTo("registry.example.com:5000/team/base:latest");
        assertThat(ImageReference.parse("debian:trixie@" + DIGEST)).isEqualTo(ImageReference.parse("debian:trixie@" + DIGEST))
                .isNotEqualTo(ImageReference.parse("debian:trixie@" + OTHER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:short", "sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", ""})
    void aPinIsASha256Digest(String digest) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageReference.parse("debian:trixie").pinned(digest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256:<64 hex digits>");
    }
}
