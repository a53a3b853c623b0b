package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.verify.checks.Check;
import io.github.dind.devcontainer.verify.checks.CheckCatalog;
import io.github.dind.devcontainer.verify.checks.Observation;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.testing.TestCheck;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckBatchesTest {
    private static Check check(String id, boolean concurrent, String... requires) {
        return TestCheck.of(id, () -> Observation.pass(id)).requiring(Set.of(requires)).concurrent(concurrent);
    }

    private static List<List<String>> ids(List<List<Check>> batches) {
        return batches.stream().map(b -> b.stream().map(Check::id).toList()).toList();
    }

    @Test
    void neighboursThatMayRunAtOnceShareABatchUnlessOneNeedsAnother() {
        List<Check> checks = List.of(check("a", false), check("b", true, "a"), check("c", true, "a"), check("d", false),
                check("e", true), check("f", true, "e"), check("g", true, "a"));

        assertThat(ids(CheckBatches.of(checks))).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"),
                List.of("e"), List.of("f", "g"));
        assertThat(CheckBatches.of(List.of())).isEmpty();
    }

    @Test
    void theCatalogsInnerChecksRunAtOnceAndEverythingThatStopsOrStartsTheContainerAlone() {
        CheckCatalog.Timeouts timeouts = new CheckCatalog.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        List<Check> checks = CheckCatalog.checks(PluginDefaults.launchSettings(), List.of(), timeouts, Set.of(),
                new JavaExpectations(java.util.OptionalInt.of(21), true, java.util.Optional.empty(), List.of()), null,
                new CheckCatalog.Secrets(() -> null, List.of()));

        assertThat(ids(CheckBatches.of(checks))).filteredOn(b -> b.size() > 1).containsExactly(
                List.of("inner-network", "socket-in-container", "mtu", "inner-dns", "buildkit", "reaping", "no-secrets",
                        "java", "maven"));
        assertThat(checks).filteredOn(Check::concurrent).extracting(Check::id)
                .doesNotContain("running", "pid1", "dockerd", "docker-info", "inner-container", "stop", "resume",
                        "kill", "post-start");
    }
}
