package example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.core.Greeting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers test, as Java teams write them: a server in a container, reached at the host and
 * port Testcontainers maps. Inside the devcontainer it runs on the inner Docker daemon, on an image
 * the devcontainer brings (debian:trixie, preloaded: see preloadImages in the parent pom), so it
 * needs no registry.
 */
@Testcontainers(disabledWithoutDocker = true)
class GreetingServerTest {
    /** A one-line HTTP server (perl is in every Debian image) that answers every request with a greeting. */
    private static final String SERVER = "use IO::Socket::INET;"
            + " my $s = IO::Socket::INET->new(LocalPort => 8080, Listen => 5, ReuseAddr => 1) or die $!;"
            + " while (my $c = $s->accept) { <$c>;"
            + " print $c \"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nHello from a container\\n\"; close $c }";

    @Container
    private static final GenericContainer<?> GREETER = new GenericContainer<>(DockerImageName.parse("debian:trixie"))
            .withCommand("perl", "-e", SERVER)
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/").forStatusCode(200));

    @Test
    void aServerInAContainerAnswersAtTheMappedPort() throws Exception {
        URI uri = URI.create("http://" + GREETER.getHost() + ":" + GREETER.getMappedPort(8080) + "/");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(Greeting.of("a container"), response.body().strip());
    }

    @Test
    void commandsRunInsideTheContainer() throws Exception {
        assertEquals("trixie", GREETER.execInContainer("sh", "-c", ". /etc/os-release && echo $VERSION_CODENAME")
                .getStdout().strip());
    }
}
