package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** What a team's Testcontainers suite does, against an image that no registry serves: it must be preloaded. */
@Testcontainers
class ListenerTest {
    static final DockerImageName IMAGE = DockerImageName.parse("it-tc-listener:1");
    static final Network NETWORK = Network.newNetwork();

    @Container
    static final GenericContainer<?> LISTENER = new GenericContainer<>(IMAGE)
            .withExposedPorts(8080)
            .withNetwork(NETWORK)
            .withNetworkAliases("listener")
            .waitingFor(Wait.forListeningPort());

    @Test
    void theImageWasThereBeforeTheSuite() {
        // the preload Feature's onCreateCommand loaded it: no registry serves it, nothing pulled it
        String id = DockerClientFactory.instance().client().inspectImageCmd(IMAGE.asCanonicalNameString()).exec().getId();
        System.out.println("preloaded image " + IMAGE + " " + id);
    }

    @Test
    void aMappedPortAnswersAtTheHostTestcontainersComputes() throws Exception {
        try (Socket socket = new Socket(LISTENER.getHost(), LISTENER.getMappedPort(8080));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("hello from listener", in.readLine());
        }
        System.out.println("mapped port at " + LISTENER.getHost() + ":" + LISTENER.getMappedPort(8080));
    }

    @Test
    void execInContainer() throws Exception {
        ExecResult result = LISTENER.execInContainer("cat", "/etc/debian_version");
        assertEquals(0, result.getExitCode(), result.getStderr());
        assertTrue(result.getStdout().strip().matches("[0-9a-z./]+"), result.getStdout());
    }

    @Test
    void aSecondContainerReachesTheAliasOnTheNetwork() {
        try (GenericContainer<?> client = new GenericContainer<>(IMAGE)
                .withNetwork(NETWORK)
                .withCommand("perl", "-MIO::Socket::INET", "-e",
                        "my $c = IO::Socket::INET->new(PeerAddr => 'listener:8080') or die $!; print 'got: ', $c->getline")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())) {
            client.start();
            assertTrue(client.getLogs().contains("got: hello from listener"), client.getLogs());
        }
    }
}
