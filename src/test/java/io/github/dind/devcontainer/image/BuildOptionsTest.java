package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.devcontainer.DevcontainerJsonException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** build.options mapped to the classic builder's request, or refused by name. */
class BuildOptionsTest {
    private static final Path CONFIG = Path.of("/p/.devcontainer/devcontainer.json");

    private static BuildOptions parse(String... options) throws DevcontainerJsonException {
        return BuildOptions.parse(List.of(options), Map.of("FROM_ENV", "env-value"), CONFIG);
    }

    @Test
    void mapsEveryHonouredOptionInBothForms() throws Exception {
        BuildOptions options = parse("--build-arg", "A=1", "--build-arg=B=x=y", "--build-arg", "FROM_ENV",
                "--build-arg", "UNSET", "--label=team=core", "--label", "flag", "--network", "host",
                "--add-host=db:10.0.0.5", "--add-host", "cache=10.0.0.6", "--add-host", "v6:::1", "--target=dev",
                "--cache-from", "app:latest", "--progress=plain", "--no-cache", "--pull=false");

        assertThat(options.args()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"),
                Map.entry("FROM_ENV", "env-value"));
        assertThat(options.labels()).containsExactly(Map.entry("team", "core"), Map.entry("flag", ""));
        assertThat(options.network()).isEqualTo("host");
        assertThat(options.extraHosts()).containsExactly("db:10.0.0.5", "cache:10.0.0.6", "v6:::1");
        assertThat(options.target()).isEqualTo("dev");
        assertThat(options.cacheFrom()).containsExactly("app:latest");
        assertThat(options.noCache()).isTrue();
        assertThat(options.pull()).isFalse();
    }

    @Test
    void theLastOfARepeatedOptionWins() throws Exception {
        BuildOptions options = parse("--build-arg=A=1", "--build-arg=A=2", "--target=a", "--target=b", "--pull", "--network=none");

        assertThat(options.args()).containsExactly(Map.entry("A", "2"));
        assertThat(options.target()).isEqualTo("b");
        assertThat(options.pull()).isTrue();
        assertThat(options.network()).isEqualTo("none");
        assertThat(parse()).isEqualTo(BuildOptions.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--secret=id=npm,src=.npmrc", "--ssh=default", "--platform=linux/arm64",
            "--build-context=src=../src", "--cache-to=type=inline", "--push"})
    void refusesBuildKitsOwnOptions(String option) {
        assertThatThrownBy(() -> parse(option))
                .isInstanceOf(DevcontainerJsonException.class)
                .hasMessageStartingWith("build.options in " + CONFIG + ": \"" + option + "\" is BuildKit's")
                .hasMessageContaining("classic builder");
    }

    @Test
    void refusesWhatThePluginOwnsOrDoesNotMap() {
        assertThatThrownBy(() -> parse("-t", "other:1"))
                .hasMessageContaining("\"-t\" is not taken from devcontainer.json: the plugin names the image")
                .hasMessageContaining("imageName");
        assertThatThrownBy(() -> parse("--file=Other.Dockerfile")).hasMessageContaining("build.dockerfile");
        assertThatThrownBy(() -> parse("--memory=2g"))
                .hasMessageContaining("\"--memory=2g\" is not one the plugin maps")
                .hasMessageContaining("devcontainer build");
        assertThatThrownBy(() -> parse("--network host"))
                .hasMessageContaining("\"--network host\" holds two arguments in one entry")
                .hasMessageContaining("Write \"--network=host\"");
        assertThatThrownBy(() -> parse("host")).hasMessageContaining("\"host\" is not an option");
    }

    @Test
    void refusesBrokenValues() {
        assertThatThrownBy(() -> parse("--network")).hasMessageContaining("\"--network\" needs a value");
        assertThatThrownBy(() -> parse("--add-host=db")).hasMessageContaining("must be NAME:IP");
        assertThatThrownBy(() -> parse("--no-cache=maybe")).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> parse("--label=" + BuildFingerprint.LABEL + "=x"))
                .hasMessageContaining("is the plugin's own");
        assertThatThrownBy(() -> parse("--label", "devcontainer.metadata=[]"))
                .hasMessageContaining("--label devcontainer.metadata is the plugin's own");
    }
}
