package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImagesTest {

    @Test
    void findsEveryExternalBaseImage() {
        String dockerfile = """
                # syntax comments are ignored
                FROM --platform=linux/amd64 debian:trixie AS builder
                RUN make
                FROM builder AS test
                FROM scratch
                from alpine:3.24
                COPY --from=builder /out /out
                """;

        assertThat(BaseImages.of(dockerfile, Map.of())).containsExactly("debian:trixie", "alpine:3.24");
    }

    @Test
    void substitutesGlobalArgsAndBuildArgs() {
        String dockerfile = """
                ARG BASE=debian
                ARG TAG="trixie"
                ARG OTHER
                FROM ${BASE}:$TAG
                FROM ${OTHER:-ubuntu}:24.04
                FROM ${UNKNOWN}
                """;

        assertThat(BaseImages.of(dockerfile, Map.of())).containsExactly("debian:trixie", "ubuntu:24.04");
        assertThat(BaseImages.of(dockerfile, Map.of("TAG", "bookworm", "OTHER", "alpine")))
                .containsExactly("debian:bookworm", "alpine:24.04");
    }

    @Test
    void joinsContinuationLines() {
        assertThat(BaseImages.instructions("FROM \\\n  debian:trixie\nRUN a \\\n  && b\n"))
                .map(line -> line.replaceAll("\\s+", " "))
                .containsExactly("FROM debian:trixie", "RUN a && b");
        assertThat(BaseImages.of("FROM \\\n  debian:trixie\n", Map.of())).containsExactly("debian:trixie");
    }

    @Test
    void aTargetLeavesTheLaterStagesOut() {
        String dockerfile = """
                FROM debian:trixie AS base
                FROM alpine:3.24 AS Dev
                FROM ubuntu:24.04 AS test
                """;

        assertThat(BaseImages.of(dockerfile, Map.of(), "dev")).containsExactly("debian:trixie", "alpine:3.24");
        assertThat(BaseImages.of(dockerfile, Map.of(), null)).containsExactly("debian:trixie", "alpine:3.24", "ubuntu:24.04");
        assertThat(BaseImages.stageNames(dockerfile + "FROM scratch\n")).containsExactly("base", "dev", "test");
    }

    @Test
    void declaredArgsAreEveryArgNameInAnyStage() {
        String dockerfile = "ARG BASE=debian:trixie\nFROM ${BASE}\n# ARG COMMENTED\narg lower\nARG A=1 B \\\n    C=\"x y\"\n"
                + "RUN echo ARG NOT_AN_ARG\nFROM scratch AS last\nARG HTTP_PROXY\n";

        assertThat(BaseImages.declaredArgs(dockerfile)).containsExactly("BASE", "lower", "A", "B", "C", "HTTP_PROXY");
    }
}
