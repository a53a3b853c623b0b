package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonHostsTest {
    private static final TcpListener ON_2375 = new TcpListener("::", 2375, 1);

    @Test
    void readsEveryFormOfTheHostFlag() {
        DaemonHosts hosts = DaemonHosts.fromArguments(List.of("dockerd", "-H", "unix:///var/run/docker.sock", "-Htcp://a:1",
                "-H=tcp://b:2", "--host", "tcp://c:3", "--host=tcp://d:4", "--tlsverify", "--", "-H", "not-a-flag"));

        assertThat(hosts.hosts()).containsExactly("unix:///var/run/docker.sock", "tcp://a:1", "tcp://b:2", "tcp://c:3", "tcp://d:4");
        assertThat(hosts.source()).isEqualTo("-H on dockerd's command line");
        assertThat(DaemonHosts.fromArguments(List.of("dockerd", "--shutdown-timeout=7", "--help-me")).hosts()).isEmpty();
    }

    @Test
    void theConfigFileIsTheFlagsOrTheDefault() {
        assertThat(DaemonHosts.configFile(List.of("dockerd"))).isEqualTo("/etc/docker/daemon.json");
        assertThat(DaemonHosts.configFile(List.of("dockerd", "--config-file", "/tmp/a.json"))).isEqualTo("/tmp/a.json");
        assertThat(DaemonHosts.configFile(List.of("dockerd", "--config-file=/tmp/b.json"))).isEqualTo("/tmp/b.json");
    }

    @Test
    void readsTheConfigFilesHosts() throws Exception {
        DaemonHosts hosts = DaemonHosts.fromConfig("{\"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://0.0.0.0:2375\"], \"tls\": false}",
                "/etc/docker/daemon.json");

        assertThat(hosts.hosts()).containsExactly("unix:///var/run/docker.sock", "tcp://0.0.0.0:2375");
        assertThat(hosts.source()).isEqualTo("\"hosts\" in /etc/docker/daemon.json");
        assertThat(DaemonHosts.fromConfig("{\"debug\": true}", "/etc/docker/daemon.json")).isEqualTo(DaemonHosts.none());
        assertThatThrownBy(() -> DaemonHosts.fromConfig("{\"hosts\": [", "x")).isInstanceOf(Exception.class);
    }

    @Test
    void aTcpListenerIsTheHostOfItsPortWhateverAddressTheKernelShows() {
        DaemonHosts hosts = new DaemonHosts(List.of("unix:///var/run/docker.sock", "tcp://0.0.0.0:2375", "tcp://[::1]:2377"), "x");

        assertThat(hosts.hostFor(ON_2375)).contains("tcp://0.0.0.0:2375");
        assertThat(hosts.hostFor(new TcpListener("::1", 2377, 1))).contains("tcp://[::1]:2377");
        assertThat(hosts.hostFor(new TcpListener("0.0.0.0", 8080, 1))).as("a published port").isEmpty();
        assertThat(new DaemonHosts(List.of("tcp://localhost"), "x").hostFor(new TcpListener("127.0.0.1", 2376, 1)))
                .as("no port: moby's defaults").contains("tcp://localhost");
        assertThat(new DaemonHosts(List.of("fd://"), "x").hostFor(new TcpListener("0.0.0.0", 8080, 1)))
                .as("systemd's sockets may be TCP").contains("fd://");
        assertThat(DaemonHosts.none().hostFor(ON_2375)).isEmpty();
    }
}
