package io.github.dind.devcontainer.generate.files;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class FromLineTest {
    private static final String DIGEST = "sha256:" + "c".repeat(64);

    @Test
    void findsTheFirstFromPastCommentsAndFlagsAndRewritesOnlyItsImage() {
        String dockerfile = "# FROM not-this:1\n# syntax comment\n  from --platform=$BUILDPLATFORM debian:trixie AS base\n"
                + "RUN echo FROM nothing\nFROM alpine:3.24\n";

        FromLine from = FromLine.first(dockerfile).orElseThrow();

        assertThat(from.image()).isEqualTo("debian:trixie");
        assertThat(from.replace(dockerfile, "debian:trixie@" + DIGEST)).isEqualTo("# FROM not-this:1\n# syntax comment\n"
                + "  from --platform=$BUILDPLATFORM debian:trixie@" + DIGEST + " AS base\nRUN echo FROM nothing\nFROM alpine:3.24\n");
    }

    @Test
    void aDockerfileWithoutFromHasNone() {
        assertThat(FromLine.first("# FROM debian\nRUN true\n")).isEmpty();
        assertThat(FromLine.first("")).isEmpty();
    }
}
