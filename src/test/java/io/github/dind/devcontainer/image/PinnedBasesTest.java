package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** requirePinnedBase: every FROM that names a registry image carries a digest. */
class PinnedBasesTest {
    private static final Path FILE = Path.of("/work/.devcontainer/Dockerfile");
    private static final String DIGEST = "sha256:" + "d".repeat(64);

    @Test
    void pinnedImagesScratchAndEarlierStagesPass() {
        String dockerfile = "# FROM debian:trixie in a comment\nARG BASE=debian:trixie@" + DIGEST + "\n"
                + "FROM debian@" + DIGEST + " AS tools\nFROM scratch AS empty\nFROM --platform=linux/amd64 ${BASE} AS base\n"
                + "FROM tools\nCOPY --from=empty / /\n";

        assertThatCode(() -> PinnedBases.require(FILE, dockerfile, Map.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void aTagWithoutDigestFailsNamingTheLineAndTheFix() {
        String dockerfile = "# Generated\nFROM debian:trixie@" + DIGEST + " AS tools\n\nFROM \\\n    debian:trixie\nRUN true\n";

        assertThatThrownBy(() -> PinnedBases.require(FILE, dockerfile, Map.of(), null))
                .isInstanceOf(FloatingBaseException.class)
                .hasMessage(Setting.plain(Setting.assign("requirePinnedBase", "true")) + " refuses a base image without a digest,"
                        + " and " + FILE + " has one: line 4, FROM debian:trixie. Pin it: mvn devcontainer:generate writes"
                        + " the base image it generates as name:tag@sha256:<digest> (-Ddevcontainer.generate.updatePins=true"
                        + " moves the pins on purpose); in a Dockerfile of your own write FROM debian:trixie@sha256:<digest>"
                        + " (docker buildx imagetools inspect debian:trixie shows the digest), and let an update bot (README,"
                        + " \"Pinned base images\") keep it current.");
    }

    @Test
    void everyStageCountsAVariableWithoutValueFailsAndTheTargetEndsTheSearch() {
        String dockerfile = "ARG BASE\nFROM ${BASE} AS one\nFROM alpine AS two\nFROM debian:trixie AS three\n";

        assertThatThrownBy(() -> PinnedBases.require(FILE, dockerfile, Map.of(), null))
                .hasMessageContaining(" has 3: line 2, FROM ${BASE} AS one (its image is not known before the build: a variable"
                        + " without a value); line 3, FROM alpine AS two; line 4, FROM debian:trixie AS three.")
                .hasMessageContaining("write FROM alpine:latest@sha256:<digest>");
        assertThatThrownBy(() -> PinnedBases.require(FILE, dockerfile, Map.of("BASE", "debian@" + DIGEST), "two"))
                .hasMessageContaining(" has one: line 3, FROM alpine AS two.");
        assertThatCode(() -> PinnedBases.require(FILE, dockerfile, Map.of("BASE", "debian@" + DIGEST), "one"))
                .doesNotThrowAnyException();
    }
}
