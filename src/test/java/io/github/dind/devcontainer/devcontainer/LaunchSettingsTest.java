package io.github.dind.devcontainer.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSettingsTest {
    @TempDir
    Path dir;

    private LaunchSettings read(String json) throws Exception {
        Path file = dir.resolve("devcontainer.json");
        Files.writeString(file, json);
        return LaunchSettings.read(file);
    }

    @Test
    void readsWhatAClientNeedsFromJsonc() throws Exception {
        LaunchSettings settings = read("""
                // comment
                {
                  "privileged": true,
                  "overrideCommand": false,
                  "init": true,
                  "mounts": [
                    {"source": "dind-${devcontainerId}", "target": "/var/lib/docker", "type": "volume"},
                    {"source": "/host", "target": "/host", "type": "bind"},
                    "source=cache,target=/root/.m2,type=volume",
                    "type=bind,source=/x,target=/y"
                  ],
                  "containerEnv": {"A": "1"},
                  "postStartCommand": "sudo -n /usr/local/bin/startup.sh",
                  "remoteUser": "dev", /* trailing comma next */
                }
                """);

        assertThat(settings.privileged()).isTrue();
        assertThat(settings.overrideCommand()).isFalse();
        assertThat(settings.init()).isTrue();
        assertThat(settings.volumeTargets()).containsExactly("/var/lib/docker", "/root/.m2");
        assertThat(settings.mounts()).hasSize(4);
        assertThat(settings.environment()).containsEntry("A", "1");
        assertThat(settings.lifecycleHook("postStartCommand").orElseThrow().commands().get(0).entries())
                .containsExactly(Map.entry("", List.of("/bin/sh", "-c", "sudo -n /usr/local/bin/startup.sh")));
        assertThat(settings.remoteUser()).isEqualTo("dev");
    }

    @Test
    void clientDefaultsApplyWhenTheConfigIsSilent() throws Exception {
        LaunchSettings settings = read("{\"image\": \"x\", \"runArgs\": [\"--privileged\"]}");

        assertThat(settings.privileged()).isTrue();
        assertThat(settings.overrideCommand()).as("clients override the command unless told not to").isTrue();
        assertThat(settings.init()).isFalse();
        assertThat(settings.volumeTargets()).isEmpty();
        assertThat(settings.lifecycle()).isEmpty();
        assertThat(settings.remoteUser()).isNull();
        assertThat(settings.userFor(new ImageConfig(null, null, null))).isEqualTo("root");
        assertThat(settings.userFor(new ImageConfig(null, null, "dev"))).isEqualTo("dev");
    }

    @Test
    void lifecycleCommandsInEachFormAndInTheSpecsOrder() throws Exception {
        LaunchSettings settings = read("""
                {
                  "postAttachCommand": {"a": "echo a", "b": ["echo", "b c"]},
                  "postStartCommand": ["a", "b c"],
                  "postCreateCommand": "docker info && echo done",
                  "updateContentCommand": "",
                  "onCreateCommand": {}
                }""");

        assertThat(settings.lifecycle()).extracting(LifecycleHook::hook)
                .containsExactly("postCreateCommand", "postStartCommand", "postAttachCommand");
        assertThat(settings.lifecycle()).allMatch(h -> h.commands().size() == 1);
        LifecycleCommand create = settings.lifecycle().get(0).commands().get(0);
        assertThat(create.parallel()).isFalse();
        assertThat(create.entries()).containsExactly(Map.entry("", List.of("/bin/sh", "-c", "docker info && echo done")));
        LifecycleCommand start = settings.lifecycle().get(1).commands().get(0);
        assertThat(start.parallel()).isFalse();
        assertThat(start.entries()).containsExactly(Map.entry("", List.of("a", "b c")));
        LifecycleCommand attach = settings.lifecycle().get(2).commands().get(0);
        assertThat(attach.parallel()).isTrue();
        assertThat(attach.entries()).containsExactly(Map.entry("a", List.of("/bin/sh", "-c", "echo a")),
                Map.entry("b", List.of("echo", "b c")));
        assertThat(attach.describe()).isEqualTo("a: /bin/sh -c echo a; b: echo b c");
    }

    @Test
    void allFiveHooksAreRead() throws Exception {
        LaunchSettings settings = read("""
                {"postAttachCommand": "5", "postStartCommand": "4", "postCreateCommand": "3",
                 "updateContentCommand": "2", "onCreateCommand": "1"}""");

        assertThat(settings.lifecycle()).extracting(LifecycleHook::hook).isEqualTo(LifecycleCommand.HOOKS);
        assertThat(settings.lifecycle()).extracting(h -> h.commands().get(0).entries().get("").get(2))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void brokenJsonNamesTheFile() {
        assertThatThrownBy(() -> read("{ not json")).hasMessageContaining("devcontainer.json");
    }
}
