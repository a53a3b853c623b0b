package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.verify.PluginDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.LifecycleCommand;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckCatalogTest {
    private static final CheckCatalog.Timeouts TIMEOUTS =
            new CheckCatalog.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10));
    private static final CheckCatalog.Secrets SECRETS = new CheckCatalog.Secrets(
            () -> new io.github.dind.devcontainer.run.ImageSurface(List.of(), List.of(), java.util.Map.of()), List.of());
    private static final List<CheckCatalog.Command> COMMANDS =
            List.of(new CheckCatalog.Command("lfs", "git lfs version", 0, Duration.ofSeconds(5)));

    @Test
    void allChecksRunInTheDocumentedOrderWithPomChecksBeforeTheSuspend() {
        List<Check> checks = CheckCatalog.checks(PluginDefaults.launchSettings(), COMMANDS, TIMEOUTS, Set.of(),
                io.github.dind.devcontainer.devcontainer.JavaExpectations.none(), null, SECRETS);

        assertThat(checks).extracting(Check::id).containsExactly("running", "lifecycle:onCreateCommand", "lifecycle:postStartCommand",
                "pid1", "dockerd", "docker-info", "daemon-exposure", "inner-container",
                "inner-network", "socket-in-container", "mtu", "inner-dns", "buildkit", "reaping", "no-secrets", "command:lfs",
                "dockerd-restart", "stop", "resume", "post-start", "kill");
    }

    @Test
    void noSecretsRunsWhateverElseFailedAndOnlySelectsIt() {
        List<Check> checks = CheckCatalog.checks(PluginDefaults.launchSettings(), COMMANDS, TIMEOUTS, Set.of("no-secrets"),
                io.github.dind.devcontainer.devcontainer.JavaExpectations.none(), null, SECRETS);

        assertThat(checks).extracting(Check::id).containsExactly("no-secrets");
        assertThat(checks.get(0).requires()).isEmpty();
        assertThat(CheckCatalog.checks(PluginDefaults.launchSettings(), COMMANDS, TIMEOUTS, Set.of())).extracting(Check::id)
                .as("without an image to read, no no-secrets check").doesNotContain("no-secrets");
    }

    @Test
    void withoutAPostStartCommandThereIsNoPostStartCheck() {
        LaunchSettings none = new LaunchSettings(true, false, false, List.of(), java.util.Map.of(), List.of(), List.of(), List.of(),
                List.of(), "root", null);

        assertThat(CheckCatalog.checks(none, List.of(), TIMEOUTS, Set.of())).extracting(Check::id).doesNotContain("post-start");
    }

    @Test
    void onlySelectsAndRejectsUnknownIds() {
        assertThat(CheckCatalog.checks(PluginDefaults.launchSettings(), COMMANDS, TIMEOUTS, Set.of("running", "pid1", "commands")))
                .extracting(Check::id).containsExactly("running", "pid1", "command:lfs");
        assertThatThrownBy(() -> CheckCatalog.checks(PluginDefaults.launchSettings(), COMMANDS, TIMEOUTS, Set.of("pid-1")))
                .hasMessageContaining("names unknown checks [pid-1]")
                .hasMessageContaining("running, lifecycle:onCreateCommand, lifecycle:postStartCommand, pid1, dockerd");
    }

    @Test
    void lifecycleCommandsRunRightAfterTheStartInTheSpecsOrderEachNeedingTheOneBefore() {
        LaunchSettings settings = new LaunchSettings(true, false, false, List.of(), java.util.Map.of(), List.of(), List.of(),
                List.of(), List.of(hook(LifecycleCommand.shell("onCreateCommand", "docker info")),
                        hook(LifecycleCommand.shell("postCreateCommand", "true")),
                        hook(LifecycleCommand.shell("postAttachCommand", "true"))), null, null);

        List<Check> checks = CheckCatalog.checks(settings, List.of(), TIMEOUTS, Set.of());

        assertThat(checks).extracting(Check::id).startsWith("running", "lifecycle:onCreateCommand",
                "lifecycle:postCreateCommand", "lifecycle:postAttachCommand", "pid1").doesNotContain("post-start");
        assertThat(checks.get(1).requires()).containsExactly("running");
        assertThat(checks.get(2).requires()).containsExactlyInAnyOrder("running", "lifecycle:onCreateCommand");
        assertThat(checks.get(3).requires()).containsExactlyInAnyOrder("running", "lifecycle:postCreateCommand");
        assertThat(CheckCatalog.checks(settings, List.of(), TIMEOUTS, Set.of("lifecycle"))).extracting(Check::id)
                .containsExactly("lifecycle:onCreateCommand", "lifecycle:postCreateCommand", "lifecycle:postAttachCommand");
    }

    private static io.github.dind.devcontainer.devcontainer.LifecycleHook hook(LifecycleCommand command) {
        return new io.github.dind.devcontainer.devcontainer.LifecycleHook(command.hook(), List.of(command));
    }
}
