// The testcontainers check of devcontainer-maven-plugin's verify: a real Testcontainers run inside the
// devcontainer, as the remote user, with the project's own Testcontainers jars on the class path
// (java TestcontainersSmoke.java IMAGE; Java 11+ runs a single source file). No registry: IMAGE is an
// empty image the check imported, whose containers run the devcontainer's own programs (its /usr,
// /bin, /lib* and /etc/passwd, /etc/group mounted read-only). Prints one "smoke:" line per step; exits
// non-zero (with the exception) when a step fails. Every container it starts carries the label
// io.github.dind.devcontainer.verify=testcontainers, so the check removes what a failure leaves.
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

public class TestcontainersSmoke {
    static final int PORT = 5353;
    static final String ALIAS = "smoke-server";
    static final String LABEL = "io.github.dind.devcontainer.verify";

    public static void main(String[] args) throws Exception {
        DockerImageName image = DockerImageName.parse(args[0]);
        DockerClientFactory docker = DockerClientFactory.instance();
        System.out.println("docker " + docker.getActiveApiVersion() + " at " + docker.getTransportConfig().getDockerHost()
                + ", host for mapped ports " + docker.dockerHostIpAddress()
                + ", ryuk " + (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) ? "off" : "on"));
        try (Network network = Network.newNetwork();
                GenericContainer<?> server = inner(image, network)
                        .withNetworkAliases(ALIAS)
                        .withExposedPorts(PORT)
                        // dnsmasq answers DNS over TCP too: the TCP listener every devcontainer image has
                        .withCommand("dnsmasq", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--user=root",
                                "--group=root", "--port=" + PORT, "--keep-in-foreground", "--pid-file=/dev/null")
                        .waitingFor(Wait.forListeningPort())) {
            server.start();
            String host = server.getHost();
            int mapped = server.getMappedPort(PORT);
            try (Socket socket = new Socket(host, mapped)) {
                // a DNS query over TCP (RFC 7766): 2 length bytes, then a query for "smoke." type A
                byte[] query = {0, 23, 0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, 's', 'm', 'o', 'k', 'e', 0, 0, 1, 0, 1};
                OutputStream out = socket.getOutputStream();
                out.write(query);
                out.flush();
                byte[] head = socket.getInputStream().readNBytes(4);
                if (head.length < 4 || head[2] != 0x12 || head[3] != 0x34) {
                    throw new IllegalStateException("the server at " + host + ":" + mapped + " did not answer the query");
                }
            }
            System.out.println("smoke: mapped port at getHost() " + host + ":" + mapped + " answered (exposed port, wait strategy)");
            Container.ExecResult exec = server.execInContainer("/bin/sh", "-c", "echo exec-ok from $(hostname)");
            if (exec.getExitCode() != 0 || !exec.getStdout().contains("exec-ok")) {
                throw new IllegalStateException("execInContainer: exit code " + exec.getExitCode() + ", " + exec.getStdout()
                        + exec.getStderr());
            }
            System.out.println("smoke: execInContainer ok");
            try (GenericContainer<?> client = inner(image, network)
                    .withCommand("/bin/bash", "-c", "for i in $(seq 50); do (exec 3<>/dev/tcp/" + ALIAS + "/" + PORT
                            + ") 2>/dev/null && { echo reached-" + ALIAS + "; exit 0; }; sleep 0.1; done; exit 1")
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(java.time.Duration.ofSeconds(30)))) {
                client.start();
                if (!client.getLogs().contains("reached-" + ALIAS)) {
                    throw new IllegalStateException("the second container did not reach " + ALIAS + ":" + PORT + ": "
                            + client.getLogs());
                }
            }
            System.out.println("smoke: Network alias " + ALIAS + " reached from a second container");
        }
        System.out.println("smoke: passed");
    }

    /**
     * A container of the empty image running the devcontainer's own programs, mounted read-only. The
     * mounts go straight into the create request: withFileSystemBind would make Testcontainers check
     * first that files can be mounted (DockerClientFactory.isFileMountingSupported), in a container of
     * its "tiny image" (alpine), which it pulls, and no registry is reachable here.
     */
    static GenericContainer<?> inner(DockerImageName image, Network network) {
        List<Bind> binds = new ArrayList<>();
        for (String dir : new String[] {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr", "/etc/passwd", "/etc/group"}) {
            if (Files.exists(Paths.get(dir))) {
                binds.add(new Bind(dir, new Volume(dir), AccessMode.ro));
            }
        }
        return new GenericContainer<>(image).withNetwork(network).withLabel(LABEL, "testcontainers")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withBinds(binds));
    }
}
