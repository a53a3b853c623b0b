package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.dind.devcontainer.Errors;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Unix sockets, no Docker: a daemon that never answers, and one whose body stalls. */
class BoundedHttpClientTest {
    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (SocketChannel c : held) {
            c.close();
        }
    }

    /** Accepts connections; {@code reply} (may be empty) is written once the request has arrived. */
    private URI serve(String reply) throws Exception {
        Path socket = dir.resolve("docker.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    SocketChannel c = server.accept();
                    held.add(c);
                    c.read(ByteBuffer.allocate(4096));
                    c.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return URI.create("unix://" + socket);
    }

    private static DockerHttpClient bounded(URI host, Duration bound) {
        return new BoundedHttpClient(new ZerodepDockerHttpClient.Builder().dockerHost(host)
                .sslConfig(LocalSocketTls.forHost(host, null)).responseTimeout(bound).build(), bound);
    }

    @Test
    void aDaemonThatNeverAnswersFailsWithinTheBound() throws Exception {
        URI host = serve("");
        long start = System.nanoTime();
        try (DockerHttpClient http = bounded(host, Duration.ofSeconds(1))) {
            var docker = DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host.toString()).build(), http);

            assertThatThrownBy(() -> docker.versionCmd().exec())
                    .satisfies(e -> assertThat(Errors.timedOut(e)).as(Errors.rootMessage(e)).isTrue())
                    .satisfies(e -> assertThat(Errors.rootMessage(e)).contains("did not answer within 1 s"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBodyThatFallsSilentFailsWithinTheBound() throws Exception {
        URI host = serve("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Ver");
        long start = System.nanoTime();
        try (DockerHttpClient http = bounded(host, Duration.ofSeconds(1))) {
            var docker = DockerClientImpl.getInstance(DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host.toString()).build(), http);

            assertThatThrownBy(() -> docker.versionCmd().exec())
                    .satisfies(e -> assertThat(Errors.timedOut(e)).as(Errors.rootMessage(e)).isTrue());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
