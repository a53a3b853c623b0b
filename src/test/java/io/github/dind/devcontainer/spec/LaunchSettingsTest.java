package io.github.dind.devcontainer.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(settings.environment()).containsEntry("A", "1");
        assertThat(settings.postStartCommand()).containsExactly("/bin/sh", "-c", "sudo -n /usr/local/bin/startup.sh");
        assertThat(settings.remoteUser()).isEqualTo("dev");
    }

    @Test
    void clientDefaultsApplyWhenTheConfigIsSilent() throws Exception {
        LaunchSettings settings = read("{\"image\": \"x\", \"runArgs\": [\"--privileged\"], \"postStartCommand\": [\"a\", \"b c\"]}");

        assertThat(settings.privileged()).isTrue();
        assertThat(settings.overrideCommand()).as("clients override the command unless told not to").isTrue();
        assertThat(settings.init()).isFalse();
        assertThat(settings.volumeTargets()).isEmpty();
        assertThat(settings.postStartCommand()).isEqualTo(List.of("a", "b c"));
        assertThat(settings.remoteUser()).isEqualTo("root");
        assertThat(settings.network()).as("Docker's default network").isEmpty();
    }

    @Test
    void runArgsNetworkIsTheNetworkTheClientStartsItOn() throws Exception {
        assertThat(read("{\"image\": \"x\", \"runArgs\": [\"--network\", \"compose_default\"]}").network())
                .isEqualTo("compose_default");
        assertThat(read("{\"image\": \"x\", \"runArgs\": [\"--cap-add=NET_ADMIN\", \"--net=host\"]}").network())
                .isEqualTo("host");
        assertThat(read("{\"image\": \"x\", \"runArgs\": [\"--network\"]}").network()).isEmpty();
    }

    @Test
    void brokenJsonNamesTheFile() {
        assertThatThrownBy(() -> read("{ not json")).hasMessageContaining("devcontainer.json");
    }
}
