package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * docker-java cannot open the relay's Unix socket on Windows: an ssh:// host fails there before
     * any ssh runs or any client is made, naming the limitation and what works instead. The same
     * host elsewhere reaches the relay (here its check of the URI, which runs no ssh).
     */
    @Test
    void anSshHostOnWindowsFailsAtOnceNamingTheLimitationAndTheWorkaround() {
        List<URI> opened = new ArrayList<>();
        DockerConnector.HttpClients none = (config, target, timeout) -> {
            opened.add(target);
            throw new AssertionError("no client is made for an ssh:// host on Windows");
        };
        Map<String, String> environment = Map.of("DOCKER_HOST", "ssh://dev@build-host:2222");

        assertThatThrownBy(() -> new DockerConnector(environment, none, "Windows 11").connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("The Docker host ssh://dev@build-host:2222 (from DOCKER_HOST) cannot be used on"
                        + " Windows: the plugin reaches ssh:// hosts through a Unix socket of its own, which docker-java"
                        + " (its Docker client) cannot open on Windows.")
                .hasMessageContaining("ssh -nNT -L localhost:23750:/var/run/docker.sock -p 2222 dev@build-host,"
                        + " and set DOCKER_HOST=tcp://localhost:23750")
                .hasMessageContaining("every user and program on this machine can reach that port")
                .hasMessageContaining("DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH");
        assertThat(opened).isEmpty();

        Map<String, String> withPath = Map.of("DOCKER_HOST", "ssh://dev@build-host/var/run/docker.sock");
        assertThatThrownBy(() -> new DockerConnector(withPath, none, "Linux").connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("has a path")
                .hasMessageNotContaining("Windows");
        assertThatThrownBy(() -> new DockerConnector(withPath, none, "Windows Server 2022").connect(null, Duration.ofSeconds(5)))
                .hasMessageContaining("cannot be used on Windows");
        assertThat(opened).isEmpty();
    }

    @Test
    void onWindowsTheAdviceNamesNoPortWhenTheHostHasNone() {
        assertThat(DockerConnector.sshOnWindows(URI.create("ssh://build-host"), "ssh://build-host (from DOCKER_HOST)"))
                .contains("ssh -nNT -L localhost:23750:/var/run/docker.sock build-host, and set")
                .doesNotContain(" -p ");
    }
}
