package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** offline-build: the project's build with the devcontainer off its networks and Maven offline. */
class OfflineBuildCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** /proc/net/route with the inner daemon's bridge only: no default route (destination 00000000). */
    private static final String INNER_ROUTES = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n"
            + "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\n";
    private static final String DEFAULT_ROUTE = INNER_ROUTES + "eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\n";

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    @Test
    void mavenGoesOfflineAfterTheLeadingMvnOrWrapperOnly() {
        assertThat(ProjectBuildCheck.offlineCommand("mvn -B verify")).isEqualTo("mvn -o -B verify");
        assertThat(ProjectBuildCheck.offlineCommand("./mvnw -B -q package")).isEqualTo("./mvnw -o -B -q package");
        assertThat(ProjectBuildCheck.offlineCommand("mvn")).isEqualTo("mvn -o");
        assertThat(ProjectBuildCheck.offlineCommand("  mvn -B verify")).isEqualTo("  mvn -o -B verify");
        assertThat(ProjectBuildCheck.offlineCommand("mvnd -B verify")).as("another program").isEqualTo("mvnd -B verify");
        assertThat(ProjectBuildCheck.offlineCommand("make test")).isEqualTo("make test");
    }

    @Test
    void theBuildRunsOffTheNetworksWithMavenOfflineAndTheNetworksComeBack() {
        FakeContainer container = containers.expecting().remoteUser("dev").networks(List.of("bridge"))
                .on("cat /proc/net/route", ok(INNER_ROUTES))
                .on("dev$ /bin/sh -lc cd '/workspaces/hello' && mvn -o -B verify", ok("BUILD SUCCESS"));

        Observation seen = new ProjectBuildCheck("/workspaces/hello", "mvn -B verify", TIMEOUT, true).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).startsWith("exit code 0 as dev in ").endsWith(", off bridge (no default route)");
        assertThat(container.networkEvents()).containsExactly("cut [bridge]", "restored");
        assertThat(container.commands()).containsExactly("cat /proc/net/route",
                "dev$ /bin/sh -lc cd '/workspaces/hello' && mvn -o -B verify");
    }

    @Test
    void aDefaultRouteLeftFailsBeforeAnyBuild() {
        FakeContainer container = containers.expecting().on("cat /proc/net/route", ok(DEFAULT_ROUTE));

        Observation seen = new ProjectBuildCheck("/workspaces/hello", "mvn -B verify", TIMEOUT, true).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("the devcontainer still has a default route after leaving [bridge]");
        assertThat(container.commands()).containsExactly("cat /proc/net/route");
        assertThat(container.networkEvents()).containsExactly("cut [bridge]", "restored");
    }

    @Test
    void aFailedOfflineBuildSaysWhatTheImageLacksAndHowToGiveIt() {
        FakeContainer container = containers.expecting()
                .on("cat /proc/net/route", ok(INNER_ROUTES))
                .on("/bin/sh -lc cd '/workspaces/hello' && mvn -o -B verify",
                        exit(1, "[ERROR] Cannot access central in offline mode and the artifact junit:junit:jar:4.13.2"
                                + " has not been downloaded from it before."));

        Observation seen = new ProjectBuildCheck("/workspaces/hello", "mvn -B verify", TIMEOUT, true).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).contains("junit:junit:jar:4.13.2 has not been downloaded")
                .contains("turn on offlineRepository (-Ddevcontainer.generate.offlineRepository=true)")
                .contains("keep the lifecycle checks in `only`");
        assertThat(new ProjectBuildCheck("/workspaces/hello", "mvn -B verify", TIMEOUT, true).id()).isEqualTo("offline-build");
    }
}
