package io.github.dind.devcontainer.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The substitution the devcontainer CLI performs before it builds. The expected values are what
 * {@code devcontainer read-configuration} (0.89.0) printed for the same values, with BP_SET=val,
 * BP_EMPTY set and empty, BP_NESTED='${localEnv:BP_SET}' and the workspace folder /tmp/bp-cli/ws.
 */
class ConfigVariablesTest {
    private final ConfigVariables variables = new ConfigVariables(
            Map.of("BP_SET", "val", "BP_EMPTY", "", "BP_NESTED", "${localEnv:BP_SET}"), Path.of("/tmp/bp-cli/ws"));

    @Test
    void substitutesTheEnvironmentAsTheCliDoes() throws Exception {
        assertThat(variables.substitute("${localEnv:BP_SET}")).isEqualTo("val");
        assertThat(variables.substitute("${localEnv:BP_UNSET:fallback}")).isEqualTo("fallback");
        // the CLI splits at every colon: the default ends at the next one
        assertThat(variables.substitute("${localEnv:BP_UNSET:with:colon}")).isEqualTo("with");
        assertThat(variables.substitute("${localEnv:BP_UNSET}")).isEmpty();
        // set but empty is set: the default is not used
        assertThat(variables.substitute("${localEnv:BP_EMPTY:default}")).isEmpty();
        assertThat(variables.substitute("${env:BP_SET}-${localWorkspaceFolderBasename}")).isEqualTo("val-ws");
        // a value is not substituted again
        assertThat(variables.substitute("${localEnv:BP_NESTED}")).isEqualTo("${localEnv:BP_SET}");
    }

    @Test
    void substitutesTheWorkspaceFolder() throws Exception {
        assertThat(variables.substitute("${localWorkspaceFolder}/x")).isEqualTo("/tmp/bp-cli/ws/x");
        assertThat(variables.substitute("${localWorkspaceFolderBasename}")).isEqualTo("ws");
    }

    @Test
    void leavesWhatTheCliLeaves() throws Exception {
        assertThat(variables.substitute("${containerEnv:PATH}")).isEqualTo("${containerEnv:PATH}");
        assertThat(variables.substitute("${foo} and $HOME and ${}")).isEqualTo("${foo} and $HOME and ${}");
        assertThat(variables.substitute("plain")).isEqualTo("plain");
    }

    @Test
    void refusesWhatOnlyAStartedContainerKnows() {
        for (String variable : new String[] {"${devcontainerId}", "${containerWorkspaceFolder}",
                "${containerWorkspaceFolderBasename}"}) {
            assertThatThrownBy(() -> variables.substitute("x-" + variable))
                    .isInstanceOf(ConfigVariables.Refused.class)
                    .hasMessageStartingWith(variable + " is known only once a client starts the container");
        }
    }

    @Test
    void refusesAnEnvironmentVariableWithoutAName() {
        assertThatThrownBy(() -> variables.substitute("${localEnv}"))
                .isInstanceOf(ConfigVariables.Refused.class)
                .hasMessageContaining("${localEnv} names no environment variable");
    }
}
