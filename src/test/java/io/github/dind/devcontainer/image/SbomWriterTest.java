package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SbomWriterTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    @Test
    void aPinnedReferenceIsItsOwnDigest() {
        assertThat(SbomWriter.digestOf("debian:trixie@" + A, List.of("debian@" + B))).isEqualTo(A);
    }

    @Test
    void theRepoDigestOfTheSameRepositoryWins() {
        assertThat(SbomWriter.digestOf("debian:trixie", List.of("mirror.example.com/debian@" + B, "debian@" + A)))
                .isEqualTo(A);
        assertThat(SbomWriter.digestOf("registry.example.com:5000/team/base:1", List.of("registry.example.com:5000/team/base@" + B)))
                .isEqualTo(B);
    }

    @Test
    void elseTheFirstElseUnknown() {
        assertThat(SbomWriter.digestOf("debian:trixie", List.of("not a digest", "mirror.example.com/debian@" + B)))
                .isEqualTo(B);
        assertThat(SbomWriter.digestOf("debian:trixie", List.of())).isNull();
    }
}
