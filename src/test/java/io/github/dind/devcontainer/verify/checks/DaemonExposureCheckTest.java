package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.verify.report.ReportTable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DaemonExposureCheck} against strict fakes that answer with what a debian:trixie devcontainer printed. */
class DaemonExposureCheckTest {
    static final String READ = "/bin/sh -c " + DockerdSockets.SCRIPT;
    static final String STAT = "stat -c %d:%i %a %u %g %U %G %n -- /var/run/docker.sock /var/run/docker/metrics.sock"
            + " /var/run/docker/libnetwork/3e387d29461c.sock";
    static final String SOCKET_FILES = """
            64:2099044 660 0 101 root docker /var/run/docker.sock
            64:2099050 755 0 0 root root /var/run/docker/metrics.sock
            64:2099051 600 0 0 root root /var/run/docker/libnetwork/3e387d29461c.sock
            """;
    static final String CONFIG = "cat -- /etc/docker/daemon.json";
    static final String PROBE_2375 = "/bin/sh -c " + ApiProbe.SCRIPT + " devcontainer-verify 127.0.0.1:2375";

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();
    private final DaemonExposureCheck check = new DaemonExposureCheck(Duration.ofSeconds(5));

    private FakeContainer defaultDevcontainer() {
        return containers.expecting().on(READ, ok(DockerdSocketsTest.DEFAULT)).on(STAT, ok(SOCKET_FILES));
    }

    @Test
    void theGeneratedDevcontainerListensOnItsSocketOnly() {
        Observation seen = check.run(defaultDevcontainer(), new Timings());

        assertThat(seen).isEqualTo(Observation.pass("dockerd (113) listens on unix /var/run/docker.sock 0660 root:docker,"
                + " unix /var/run/docker/metrics.sock 0755 root:root, unix /var/run/docker/libnetwork/3e387d29461c.sock 0600 root:root,"
                + " no TCP port"));
    }

    @Test
    void theSocketComesFirstWhereverTheKernelListsIt() {
        String last = DockerdSocketsTest.DEFAULT.replace("000000005641ad98: 00000002 00000000 00010000 0001 01 7573498 /var/run/docker.sock\n", "")
                .replace("== machine", "000000005641ad98: 00000002 00000000 00010000 0001 01 7573498 /var/run/docker.sock\n== machine");

        assertThat(check.run(defaultDevcontainer().on(READ, ok(last)), new Timings()).detail())
                .startsWith("dockerd (113) listens on unix /var/run/docker.sock 0660 root:docker, unix /var/run/docker/metrics.sock");
    }

    @Test
    void plainTcpOnEveryAddressFailsNamingTheAddressAndWhereItIsConfigured() {
        FakeContainer container = defaultDevcontainer().on(READ, ok(DockerdSocketsTest.TCP_2375))
                .on(CONFIG, ok("{\"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://0.0.0.0:2375\"], \"tls\": false}\n"))
                .on(PROBE_2375, ok(ApiProbeTest.PLAIN));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("tcp://0.0.0.0:2375 (\"hosts\" in /etc/docker/daemon.json) serves the Docker API"
                + " without a client certificate, over plain HTTP: anyone on the devcontainer's network gets root. Remove that"
                + " host, or require client certificates (\"tlsverify\": true; https://docs.docker.com/go/api-security/)")
                .endsWith("(dockerd (113) listens on unix /var/run/docker.sock 0660 root:docker, unix /var/run/docker/metrics.sock"
                        + " 0755 root:root, unix /var/run/docker/libnetwork/3e387d29461c.sock 0600 root:root, tcp [::]:2375"
                        + " (the Docker API 1.45 without a certificate))");
        assertThat(ReportTable.oneLine(seen.detail())).as("the log's form keeps the host, its source and the fix")
                .contains("tcp://0.0.0.0:2375", "daemon.json", "api-security/)");
    }

    @Test
    void aHostOnDockerdsCommandLineIsNamedThereAndTheConfigFileIsNotRead() {
        String withFlag = DockerdSocketsTest.TCP_2375.replace("--storage-driver=fuse-overlayfs\n",
                "--storage-driver=fuse-overlayfs\n-H\ntcp://127.0.0.1:2375\n");
        FakeContainer container = defaultDevcontainer().on(READ, ok(withFlag)).on(PROBE_2375, ok(ApiProbeTest.PLAIN));

        String detail = check.run(container, new Timings()).detail();
        assertThat(detail).startsWith("tcp://127.0.0.1:2375 (-H on dockerd's command line) serves the Docker API");
        assertThat(ReportTable.oneLine(detail)).contains("api-security/)");
    }

    @Test
    void tcpWithClientVerificationPasses() {
        String tls = DockerdSocketsTest.withTcp("   0: 00000000000000000000000000000000:0948 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 7610056 1 00000000702dad29 100 0 0 10 0");
        FakeContainer container = defaultDevcontainer().on(READ, ok(tls))
                .on(CONFIG, ok("{\"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://0.0.0.0:2376\"], \"tlsverify\": true,"
                        + " \"tlscacert\": \"/certs/ca.pem\", \"tlscert\": \"/certs/cert.pem\", \"tlskey\": \"/certs/key.pem\"}"))
                .on("/bin/sh -c " + ApiProbe.SCRIPT + " devcontainer-verify 127.0.0.1:2376", ok(ApiProbeTest.TLSVERIFY));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).endsWith("tcp [::]:2376 (tcp://0.0.0.0:2376, turns away a client without a certificate:"
                + " http HTTP/1.0 400 Bad Request; https curl exit 56: OpenSSL SSL_read: OpenSSL/3.5.9: error:0A00045C:SSL"
                + " routines::tlsv13 alert certificate required, errno 0)");
    }

    @Test
    void aConfiguredHostThatCannotBeAskedFailsRatherThanPass() {
        FakeContainer container = defaultDevcontainer().on(READ, ok(DockerdSocketsTest.TCP_2375))
                .on(CONFIG, ok("{\"hosts\": [\"tcp://0.0.0.0:2375\"]}"))
                .on(PROBE_2375, ok(ApiProbeTest.SILENT.replace("8080", "2375")));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("could not tell whether tcp://0.0.0.0:2375 (\"hosts\" in /etc/docker/daemon.json;"
                + " the kernel: [::]:2375) turns away a client without a certificate, as it must (\"tlsverify\": true;"
                + " https://docs.docker.com/go/api-security/); from inside: http curl exit 28: Operation timed out");
    }

    @Test
    void aPortPublishedForAnInnerContainerIsNoApiHost() {
        // dockerd 28 holds the listening socket of a published port; nothing answers on it
        String published = DockerdSocketsTest.withTcp("   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 7610056 1 00000000702dad29 100 0 0 10 0");
        FakeContainer container = defaultDevcontainer().on(READ, ok(published))
                .on(CONFIG, exit(1, "cat: /etc/docker/daemon.json: No such file or directory"))
                .on("/bin/sh -c " + ApiProbe.SCRIPT + " devcontainer-verify 127.0.0.1:8080", ok(ApiProbeTest.SILENT));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).endsWith("tcp [::]:8080 (not one of dockerd's hosts, no Docker API there: a port published for an inner container)");
    }

    @Test
    void aWorldWritableSocketFailsNamingItsMode() {
        FakeContainer container = defaultDevcontainer().on(STAT, ok(SOCKET_FILES.replace("755 0 0 root root /var/run/docker/metrics",
                "777 0 0 root root /var/run/docker/metrics")));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("dockerd listens on /var/run/docker/metrics.sock, 0777 root:root, which every user may"
                + " write to and so connect to");
    }

    @Test
    void theSocketMustBeRootAndTheDockerGroupsOnly() {
        // "group docker not found" when dockerd started before the group existed
        Observation rootGroup = check.run(defaultDevcontainer().on(STAT, ok(SOCKET_FILES.replace("660 0 101 root docker", "660 0 0 root root"))),
                new Timings());
        assertThat(rootGroup.passed()).isFalse();
        assertThat(rootGroup.detail()).startsWith("/var/run/docker.sock is 0660 root:root, not 0660 root:docker");

        Observation open = check.run(defaultDevcontainer().on(STAT, ok(SOCKET_FILES.replace("660 0 101 root docker", "666 0 101 root docker"))),
                new Timings());
        assertThat(open.detail()).startsWith("/var/run/docker.sock is 0666 root:docker, not 0660 root:docker");
    }

    @Test
    void theSocketMustBeDockerds() {
        // dockerd listens elsewhere; a stale file is left at the usual path
        String elsewhere = DockerdSocketsTest.DEFAULT.replace("7573498 /var/run/docker.sock", "7573498 /run/dockerd/api.sock");
        FakeContainer container = containers.expecting().on(READ, ok(elsewhere))
                .on("stat -c %d:%i %a %u %g %U %G %n -- /var/run/docker.sock /run/dockerd/api.sock /var/run/docker/metrics.sock"
                        + " /var/run/docker/libnetwork/3e387d29461c.sock", ok(SOCKET_FILES + "64:3000000 660 0 101 root docker /run/dockerd/api.sock\n"));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("/var/run/docker.sock (0660 root:docker) is not a socket dockerd listens on");

        // the same file under /run is the same socket
        String underRun = DockerdSocketsTest.DEFAULT.replace("7573498 /var/run/docker.sock", "7573498 /run/docker.sock");
        FakeContainer same = containers.expecting().on(READ, ok(underRun))
                .on("stat -c %d:%i %a %u %g %U %G %n -- /var/run/docker.sock /run/docker.sock /var/run/docker/metrics.sock"
                        + " /var/run/docker/libnetwork/3e387d29461c.sock", ok(SOCKET_FILES + "64:2099044 660 0 101 root docker /run/docker.sock\n"));
        assertThat(check.run(same, new Timings()).passed()).isTrue();
    }

    @Test
    void aMissingSocketFails() {
        FakeContainer container = defaultDevcontainer().on(STAT, new io.github.dind.devcontainer.run.ExecResult(1,
                SOCKET_FILES.lines().skip(1).map(l -> l + "\n").reduce("", String::concat),
                "stat: cannot statx '/var/run/docker.sock': No such file or directory"));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("/var/run/docker.sock does not exist")
                .contains("unix /var/run/docker.sock (its file is gone)");
    }

    @Test
    void withoutStatItSaysSoRatherThanThatTheSocketIsMissing() {
        Observation seen = check.run(defaultDevcontainer().on(STAT, exit(127, "sh: stat: not found")), new Timings());

        assertThat(seen.detail()).startsWith("could not look at dockerd's socket files: sh: stat: not found (dockerd (113) listens on no TCP port)");
    }

    @Test
    void anAbstractSocketFails() {
        String abstractOne = DockerdSocketsTest.DEFAULT.replace("7574599 /var/run/docker/libnetwork/3e387d29461c.sock", "7574599 @dockerd-api");
        FakeContainer container = containers.expecting().on(READ, ok(abstractOne))
                .on("stat -c %d:%i %a %u %g %U %G %n -- /var/run/docker.sock /var/run/docker/metrics.sock", ok(SOCKET_FILES));

        Observation seen = check.run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("dockerd listens on the abstract Unix socket @dockerd-api, which no file mode guards");
    }

    @Test
    void noDockerdOrNoProcFails() {
        assertThat(check.run(containers.expecting().on(READ, ok("")), new Timings()))
                .isEqualTo(Observation.fail("no dockerd process runs"));
        assertThat(check.run(containers.expecting().on(READ, exit(2, "sh: 1: cannot open /proc")), new Timings()))
                .isEqualTo(Observation.fail("could not read dockerd's sockets: exit code 2: sh: 1: cannot open /proc"));
    }

    /** Both run under the image's /bin/sh: dash, or busybox ash on wolfi and alpine. */
    @ParameterizedTest
    @ValueSource(strings = {"sockets", "probe"})
    void itsScriptsArePosixShellcheckClean(String which) {
        String script = "#!/bin/sh\n" + (which.equals("sockets") ? DockerdSockets.SCRIPT : ApiProbe.SCRIPT);

        Processes.Result result = Processes.run(List.of("shellcheck", "--shell=sh", "--severity=warning", "-"), script);

        assertThat(result.exitCode()).as(which + ":\n" + result.stdout()).isZero();
    }

    @Test
    void itRunsAfterDockerInfoAndAlone() {
        assertThat(check.requires()).containsExactlyInAnyOrder("running", "docker-info");
        assertThat(check.concurrent()).as("a port published by a concurrent check would be among dockerd's listeners").isFalse();
    }
}
