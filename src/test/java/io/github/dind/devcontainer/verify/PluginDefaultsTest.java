package io.github.dind.devcontainer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.MountSpec;
import org.junit.jupiter.api.Test;

/** An image verified without a devcontainer.json is started as the generated one says. */
class PluginDefaultsTest {
    @Test
    void theFallbackIsWhatGenerateWrites() {
        LaunchSettings defaults = PluginDefaults.launchSettings();

        assertThat(defaults.privileged()).isTrue();
        assertThat(defaults.overrideCommand()).isFalse();
        assertThat(defaults.init()).isFalse();
        assertThat(defaults.mounts()).extracting(MountSpec::type, MountSpec::target)
                .contains(org.assertj.core.groups.Tuple.tuple("volume", "/var/lib/docker"));
        assertThat(defaults.lifecycle()).extracting(c -> c.hook()).contains("postStartCommand");
        assertThat(defaults.remoteUser()).isEqualTo("root");
    }
}
