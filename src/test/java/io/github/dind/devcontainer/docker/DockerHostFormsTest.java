package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host forms the docker CLI accepts, as the plugin hands them to docker-java or to ssh. */
class DockerHostFormsTest {
    @Test
    void aSocketPathWithSpacesAndUnicodeBecomesAUriThatDecodesBack() {
        String encoded = DockerHostConfig.encodeSocketPath("unix:///tmp/has space/dö#ck?er%.sock");

        assertThat(encoded).isEqualTo("unix:///tmp/has%20space/d%C3%B6%23ck%3Fer%25.sock");
        assertThat(URI.create(encoded).getPath()).isEqualTo("/tmp/has space/dö#ck?er%.sock");
    }

    @Test
    void aSocketPathWithASpaceInDockerHostIsTriedNotAnInternalError() {
        DockerConnector connector = new DockerConnector(Map.of("DOCKER_HOST", "unix:///nonexistent/has space/docker.sock"));

        assertThatThrownBy(() -> connector.connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("No Docker daemon answered at unix:///nonexistent/has space/docker.sock (from DOCKER_HOST)");
    }

    @Test
    void otherHostsAreLeftAlone() {
        assertThat(DockerHostConfig.encodeSocketPath("tcp://127.0.0.1:2376")).isEqualTo("tcp://127.0.0.1:2376");
        assertThat(DockerHostConfig.encodeSocketPath("unix:///var/run/docker.sock")).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void sshRunsDialStdioLikeTheDockerCli() {
        assertThat(SshRelay.command(URI.create("ssh://dev@build-host:2222"))).containsExactly("ssh", "-T", "-o",
                "BatchMode=yes", "-o", "ConnectTimeout=30", "-l", "dev", "-p", "2222", "--", "build-host", "docker",
                "system", "dial-stdio");
        assertThat(SshRelay.command(URI.create("ssh://build-host"))).containsSubsequence("--", "build-host", "docker")
                .doesNotContain("-l", "-p");
    }

    @Test
    void anSshHostWithAPathOrNoHostIsRefused() {
        assertThatThrownBy(() -> SshRelay.command(URI.create("ssh://dev@host/var/run/docker.sock")))
                .hasMessageContaining("has a path");
        assertThatThrownBy(() -> SshRelay.command(URI.create("ssh:///x"))).hasMessageContaining("names no host");
        assertThat(List.of(DockerConnector.FIRST_CONTACT.toSeconds())).containsExactly(10L);
    }
}
