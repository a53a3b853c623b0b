package io.github.dind.devcontainer.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BuildClaimsTest {
    private static final Path TOP = Path.of("/repo");

    @Test
    void theFirstProjectToAskHoldsTheClaimForEveryLaterQuestion() {
        BuildClaims claims = new BuildClaims();

        BuildClaims.Claim first = claims.claim(TOP, "parent", TOP);
        BuildClaims.Claim second = claims.claim(TOP, "core", TOP.resolve("core"));

        assertThat(second).isSameAs(first);
        assertThat(first.holder()).isEqualTo("parent");
        assertThat(first.heldBy(TOP)).isTrue();
        assertThat(first.heldBy(TOP.resolve("core"))).isFalse();
        assertThat(claims.claim(Path.of("/other"), "core", TOP.resolve("core")).heldBy(TOP.resolve("core")))
                .as("another owner folder is another devcontainer").isTrue();
    }

    @Test
    void racingThreadsGetOneHolder() throws Exception {
        BuildClaims claims = new BuildClaims();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BuildClaims.Claim>> asked = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String module = "m" + i;
            asked.add(pool.submit(() -> {
                start.await();
                return claims.claim(TOP, module, TOP.resolve(module));
            }));
        }
        start.countDown();
        Map<BuildClaims.Claim, Boolean> distinct = new ConcurrentHashMap<>();
        for (Future<BuildClaims.Claim> f : asked) {
            distinct.put(f.get(), true);
        }
        pool.shutdown();
        assertThat(distinct).hasSize(1);
    }

    @Test
    void aModuleThatNamesAnotherImageOrDistroIsAMismatchAndDefaultsAreNot() {
        BuildClaims.Claim claim = new BuildClaims().claim(TOP, "parent", TOP);
        Map<String, String> held = new LinkedHashMap<>();
        held.put("directory", "/repo/.devcontainer");
        held.put("imageName", "parent-devcontainer");
        claim.record(held);

        Map<String, String> same = new LinkedHashMap<>(held);
        same.put("distro", "debian"); // the holder ran no generate: nothing to compare
        assertThat(claim.mismatches(same)).isEmpty();

        Map<String, String> other = new LinkedHashMap<>(held);
        other.put("imageName", "core-devcontainer");
        other.put("directory", "/repo/core/.devcontainer");
        assertThat(claim.mismatches(other)).containsExactly(
                new BuildClaims.Mismatch("directory", "/repo/core/.devcontainer", "/repo/.devcontainer"),
                new BuildClaims.Mismatch("imageName", "core-devcontainer", "parent-devcontainer"));

        claim.record(Map.of("imageName", "later-value"));
        assertThat(claim.mismatches(Map.of("imageName", "parent-devcontainer"))).as("the first value stays").isEmpty();
    }

    @Test
    void aSecondDevcontainerIsExplainedSettingBySettingWithWhereToConfigureIt() {
        SecondDevcontainerException e = new SecondDevcontainerException("app", "repo",
                List.of(new BuildClaims.Mismatch("distro", "alpine", "debian")), TOP.resolve("pom.xml"));

        assertThat(e.settings()).containsExactly("distro");
        assertThat(e.message((parameter, value) -> "<" + parameter + ">")).isEqualTo(String.join(System.lineSeparator(),
                "A reactor has one devcontainer, but app configures it differently from repo, which handles it in this build:",
                "  - <distro> is alpine in app, debian in repo",
                "Configure the devcontainer once, in the top-level pom (/repo/pom.xml), and remove these elements from"
                        + " app's configuration of the plugin."));
    }
}
