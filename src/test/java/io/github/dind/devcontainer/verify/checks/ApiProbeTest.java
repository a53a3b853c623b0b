package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.Processes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe's output as curl 8.14 printed it in a debian:trixie devcontainer, against dockerd 26.1. */
class ApiProbeTest {
    /** {@code "hosts": ["tcp://0.0.0.0:2375"]}, no TLS. */
    static final String PLAIN = """
            == http 127.0.0.1:2375 0
            HTTP/1.1 200 OK\r
            Api-Version: 1.45\r
            Builder-Version: 2\r
            Docker-Experimental: false\r
            Ostype: linux\r
            Server: Docker/26.1.5+dfsg1 (linux)\r
            Content-Length: 2\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            OK
            == https 127.0.0.1:2375 35
            curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number
            """;
    /** {@code --tlsverify} with a CA. */
    static final String TLSVERIFY = """
            == http 127.0.0.1:2376 0
            HTTP/1.0 400 Bad Request\r
            \r
            Client sent an HTTP request to an HTTPS server.
            == https 127.0.0.1:2376 56
            curl: (56) OpenSSL SSL_read: OpenSSL/3.5.9: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0
            """;
    /** Nothing accepts: a port dockerd 28 holds for a container, or an address the devcontainer cannot reach. */
    static final String SILENT = """
            == http 127.0.0.1:8080 28
            curl: (28) Operation timed out after 2002 milliseconds with 0 bytes received
            == https 127.0.0.1:8080 7
            curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Could not connect to server
            """;

    @Test
    void aPlainListenerAnswersTheApiOverHttp() {
        ApiProbe.Outcome outcome = ApiProbe.parse(PLAIN).get("127.0.0.1:2375");

        assertThat(outcome.exposedBy()).hasValueSatisfying(a -> {
            assertThat(a.scheme()).isEqualTo("http");
            assertThat(a.apiVersion()).isEqualTo("1.45");
        });
        assertThat(outcome.refused()).isFalse();
    }

    @Test
    void aTlsverifyListenerTurnsAClientWithoutACertificateAway() {
        ApiProbe.Outcome outcome = ApiProbe.parse(TLSVERIFY).get("127.0.0.1:2376");

        assertThat(outcome.exposedBy()).isEmpty();
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.summary()).isEqualTo("http HTTP/1.0 400 Bad Request; https curl exit 56: OpenSSL SSL_read: OpenSSL/3.5.9:"
                + " error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0");
    }

    @Test
    void tlsWithoutClientVerificationAnswersTheApiOverTls() {
        String tlsOnly = """
                == http 127.0.0.1:2376 0
                HTTP/1.0 400 Bad Request\r
                == https 127.0.0.1:2376 0
                HTTP/1.1 200 OK\r
                API-VERSION: 1.47\r
                """;

        assertThat(ApiProbe.parse(tlsOnly).get("127.0.0.1:2376").exposedBy())
                .hasValueSatisfying(a -> assertThat(a.scheme()).isEqualTo("https"));
    }

    @Test
    void aListenerNothingAnswersOnIsNeitherExposedNorSeenToRefuse() {
        ApiProbe.Outcome outcome = ApiProbe.parse(SILENT).get("127.0.0.1:8080");

        assertThat(outcome.exposedBy()).isEmpty();
        assertThat(outcome.refused()).isFalse();
        // an answer that is not the API is no exposure, and curl missing is no refusal
        assertThat(ApiProbe.parse("== http a:1 0\nHTTP/1.1 200 OK\r\n\r\nOK\n== https a:1 127\nsh: curl: not found\n")
                .get("a:1").refused()).isTrue();
        assertThat(ApiProbe.parse("== http a:1 127\nsh: curl: not found\n== https a:1 127\nsh: curl: not found\n")
                .get("a:1").refused()).isFalse();
    }

    @Test
    void anAttemptCutShortLeavesNoOutcome() {
        assertThat(ApiProbe.parse("== http 127.0.0.1:2375 0\nHTTP/1.1 200 OK\n")).isEmpty();
        assertThat(ApiProbe.parse("")).isEmpty();
    }

    @Test
    void theScriptAsksEachTargetOverHttpAndTls() throws Exception {
        Processes.requireTool("curl");
        // plays the Docker API over plain HTTP, and hangs up on anything else (a TLS client hello)
        try (Server api = new Server("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
                Server tlsOnly = new Server(null)) {
            Processes.Result result = Processes.run(List.of("sh", "-c", ApiProbe.SCRIPT, "devcontainer-verify", api.target(),
                    tlsOnly.target()), "");

            Map<String, ApiProbe.Outcome> outcomes = ApiProbe.parse(result.stdout());
            assertThat(outcomes.get(api.target()).exposedBy()).as(result.stdout())
                    .hasValueSatisfying(a -> assertThat(a.apiVersion()).isEqualTo("1.41"));
            assertThat(outcomes.get(tlsOnly.target()).exposedBy()).isEmpty();
            assertThat(outcomes.get(tlsOnly.target()).refused()).as(result.stdout()).isTrue();
        }
    }

    /** A loopback listener that reads what a client sends, answers {@code answer} to an HTTP request (null: nothing), and hangs up. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final Thread thread;

        Server(String answer) throws java.io.IOException {
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        byte[] start = new byte[4];
                        int read = client.getInputStream().readNBytes(start, 0, 4);
                        if (answer != null && read == 4 && new String(start, StandardCharsets.US_ASCII).equals("GET ")) {
                            client.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (java.io.IOException e) {
                        // closed
                    }
                }
            });
            thread.start();
        }

        String target() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
