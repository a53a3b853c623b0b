package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildFingerprintTest {
    private static final String CONTEXT = "a".repeat(64);

    @Test
    void isStableAndIgnoresMapOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");

        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", ab, Map.of("l", "v")))
                .isEqualTo(BuildFingerprint.of(CONTEXT, "Dockerfile", ba, Map.of("l", "v")))
                .startsWith("sha256:");
    }

    @Test
    void changesWithEveryInput() {
        String base = BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of("A", "1"), Map.of("l", "v"));

        assertThat(BuildFingerprint.of("b".repeat(64), "Dockerfile", Map.of("A", "1"), Map.of("l", "v"))).isNotEqualTo(base);
        assertThat(BuildFingerprint.of(CONTEXT, "Other.Dockerfile", Map.of("A", "1"), Map.of("l", "v"))).isNotEqualTo(base);
        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of("A", "2"), Map.of("l", "v"))).isNotEqualTo(base);
        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of("A", "1"), Map.of("l", "w"))).isNotEqualTo(base);
    }

    @Test
    void aCommitThatChangesNoDevcontainerFileKeepsTheFingerprint() {
        Map<String, String> atFirstCommit = Map.of("org.opencontainers.image.title", "app",
                BuildFingerprint.REVISION_LABEL, "1".repeat(40));
        Map<String, String> atLaterCommit = Map.of("org.opencontainers.image.title", "app",
                BuildFingerprint.REVISION_LABEL, "2".repeat(40));
        Map<String, String> renamed = Map.of("org.opencontainers.image.title", "app2",
                BuildFingerprint.REVISION_LABEL, "2".repeat(40));

        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), atLaterCommit))
                .isEqualTo(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), atFirstCommit))
                .isNotEqualTo(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), renamed));
    }

    @Test
    void theTargetNetworkAndHostsCountOnlyWhenSet() {
        String base = BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of());

        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of(), null, null, List.of())).isEqualTo(base);
        assertThat(java.util.Set.of(base,
                BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of(), "dev", null, List.of()),
                BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of(), "test", null, List.of()),
                BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of(), null, "host", List.of()),
                BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of(), Map.of(), null, null, List.of("db:10.0.0.5"))))
                .hasSize(5);
    }

    /** The fingerprint of a build with nothing set beyond what it had before target, network and hosts existed. */
    @Test
    void anUnchangedBuildKeepsItsFingerprint() {
        assertThat(BuildFingerprint.of(CONTEXT, "Dockerfile", Map.of("A", "1"), Map.of("l", "v")))
                .isEqualTo("sha256:" + io.github.dind.devcontainer.Sha256.hex("context " + CONTEXT + "\ndockerfile Dockerfile\n"
                        + "arg A=1\nlabel l=v\n"));
    }
}
