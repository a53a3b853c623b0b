package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transport the connector opens is closed on every path: a failed first contact, TLS material
 * that is incomplete, and a connection the caller closes. No Docker: a missing socket, and a Unix
 * socket server in the test that answers {@code GET /version} as Docker Engine or Podman would.
 */
class DockerConnectorClosesTest {
    @TempDir
    Path dir;

    private final List<Tracked> opened = new CopyOnWriteArrayList<>();

    private DockerConnector connector(Map<String, String> environment) {
        return new DockerConnector(environment, (config, target, timeout) -> {
            Tracked tracked = new Tracked(DockerConnector.http(config, target, timeout));
            opened.add(tracked);
            return tracked;
        });
    }

    @Test
    void aDaemonThatIsNotThereLeavesNoClientOpen() throws InterruptedException {
        DockerConnector connector = connector(Map.of("DOCKER_HOST", "unix://" + dir.resolve("absent.sock")));

        assertThatThrownBy(() -> connector.connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("No Docker daemon answered at");
        assertThat(opened).hasSize(1).allMatch(Tracked::closed);
        assertNoWatchdogLeft();
    }

    @Test
    void incompleteTlsMaterialFailsBeforeAnyClientIsOpened() throws IOException {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "not read");
        DockerConnector connector = connector(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()));

        assertThatThrownBy(() -> connector.connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("TLS is on for the Docker host tcp://127.0.0.1:1 (from DOCKER_HOST)")
                .hasMessageContaining("cert.pem is missing in " + certs + " (from DOCKER_CERT_PATH)");
        assertThat(opened).isEmpty();
    }

    @Test
    void incompleteTlsMaterialOfAContextNamesTheContext() throws Exception {
        // as `docker context create tls-box --docker host=...,ca=...` and `docker context use tls-box` write it
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("tls-box".getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(dir.resolve("contexts/meta/" + hash));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"tls-box\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"tcp://127.0.0.1:1\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(dir.resolve("contexts/tls/" + hash + "/docker"));
        Files.writeString(tls.resolve("ca.pem"), "not read");
        Files.writeString(dir.resolve("config.json"), "{\"currentContext\":\"tls-box\"}");
        DockerConnector connector = connector(Map.of("DOCKER_CONFIG", dir.toString()));

        assertThatThrownBy(() -> connector.connect(null, Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("TLS is on for the Docker host tcp://127.0.0.1:1 (from Docker context 'tls-box')")
                .hasMessageContaining("cert.pem is missing in " + tls + " (from Docker context 'tls-box')");
        assertThat(opened).isEmpty();
    }

    @Test
    void aConnectionClosesItsClientAndTheProbeClosesItsOwn() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir.resolve("docker.sock"),
                "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\","
                        + "\"Components\":[{\"Name\":\"Engine\",\"Version\":\"20.10.24\"}]}")) {
            DockerConnection connection = connector(Map.of("DOCKER_HOST", "unix://" + daemon.socket))
                    .connect(null, Duration.ofSeconds(5));

            assertThat(connection.describe()).startsWith("Docker 20.10.24 (API 1.41) at unix://" + daemon.socket);
            assertThat(opened).hasSize(2);
            assertThat(opened.get(0).closed()).as("the probe's client").isTrue();
            assertThat(opened.get(1).closed()).as("the connection's client, still in use").isFalse();
            connection.close();
            assertThat(opened).allMatch(Tracked::closed);
            assertNoWatchdogLeft();
        }
    }

    @Test
    void podmanIsNamedAsSuch() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir.resolve("podman.sock"),
                "{\"Version\":\"4.3.1\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.24\",\"Platform\":{\"Name\":"
                        + "\"linux/amd64/debian-12\"},\"Components\":[{\"Name\":\"Podman Engine\",\"Version\":\"4.3.1\"}]}");
                DockerConnection connection = connector(Map.of("DOCKER_HOST", "unix://" + daemon.socket))
                        .connect(null, Duration.ofSeconds(5))) {
            assertThat(connection.engine()).isEqualTo("Podman");
            assertThat(connection.describe()).startsWith("Podman 4.3.1 (API 1.41)");
        }
        assertThat(opened).allMatch(Tracked::closed);
    }

    /** Each bounded client runs a watchdog thread until it is closed (BoundedHttpClient). */
    private static void assertNoWatchdogLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (watchdogs() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(watchdogs()).as("watchdog threads still alive").isZero();
    }

    private static long watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("devcontainer-docker-watchdog")).count();
    }

    /** A transport that remembers whether it was closed. */
    private static final class Tracked implements DockerHttpClient {
        private final DockerHttpClient delegate;
        private volatile boolean closed;

        Tracked(DockerHttpClient delegate) {
            this.delegate = delegate;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public Response execute(Request request) {
            return delegate.execute(request);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            delegate.close();
        }
    }

    /** Answers every request on a Unix socket with one JSON body, then closes the connection. */
    private static final class FakeDaemon implements AutoCloseable {
        final Path socket;
        private final ServerSocketChannel server;
        private final Thread thread;

        FakeDaemon(Path socket, String versionJson) throws IOException {
            this.socket = socket;
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            byte[] body = versionJson.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            thread = new Thread(() -> {
                while (server.isOpen()) {
                    try (SocketChannel client = server.accept()) {
                        readHead(client);
                        client.write(ByteBuffer.wrap(head));
                        client.write(ByteBuffer.wrap(body));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "fake-docker-daemon");
            thread.setDaemon(true);
            thread.start();
        }

        private static void readHead(SocketChannel client) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            StringBuilder seen = new StringBuilder();
            while (seen.indexOf("\r\n\r\n") < 0 && client.read(buffer) > 0) {
                buffer.flip();
                seen.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5000);
        }
    }
}
