package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import io.github.dind.devcontainer.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The testcontainers check: the jars and program copied in, the run as the remote user, Ryuk's switch. */
class TestcontainersCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String RUN = "/bin/bash -lc " + TestcontainersCheck.SCRIPT;

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    @Test
    void copiesTheJarsAndTheProgramAndRunsItAsTheRemoteUser(@TempDir Path folder) throws Exception {
        Path core = Files.writeString(folder.resolve("testcontainers-1.21.4.jar"), "jar");
        Path api = Files.writeString(folder.resolve("docker-java-api-3.4.2.jar"), "jar");
        FakeContainer container = containers.expecting().remoteUser("dev").on("dev$ " + RUN, ok(String.join("\n",
                "smoke: Ryuk off (no testcontainers/ryuk image inside)",
                "12:00:00.000 [main] INFO org.testcontainers.DockerClientFactory -- Connected to docker",
                "smoke: mapped port at getHost() 172.18.0.1:32768 answered (exposed port, wait strategy)",
                "smoke: execInContainer ok",
                "smoke: Network alias smoke-server reached from a second container",
                "smoke: passed")));

        Observation seen = new TestcontainersCheck(List.of(core, api), TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).matches("as dev in \\d+\\.\\d s, Ryuk off \\(no testcontainers/ryuk image inside\\);"
                + " mapped port at getHost\\(\\) 172.18.0.1:32768 answered \\(exposed port, wait strategy\\); execInContainer ok;"
                + " Network alias smoke-server reached from a second container");
        Map<String, Path> copied = container.copies().get(TestcontainersCheck.FOLDER);
        assertThat(copied).containsOnlyKeys("testcontainers-1.21.4.jar", "docker-java-api-3.4.2.jar", "TestcontainersSmoke.java");
        assertThat(copied.get("testcontainers-1.21.4.jar")).isEqualTo(core);
    }

    @Test
    void aFailureShowsTheTailOfTheRun(@TempDir Path folder) throws Exception {
        Path core = Files.writeString(folder.resolve("testcontainers-1.21.4.jar"), "jar");
        FakeContainer container = containers.expecting().on(RUN, exit(1, "smoke: Ryuk off (no testcontainers/ryuk image inside)\n"
                + "Exception in thread \"main\" org.testcontainers.containers.ContainerLaunchException: Container startup failed"));

        Observation seen = new TestcontainersCheck(List.of(core), TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("exit code 1 as root after ").endsWith("Container startup failed");
    }

    @Test
    void aRunWithoutThePassedLineFails(@TempDir Path folder) throws Exception {
        Path core = Files.writeString(folder.resolve("testcontainers-1.21.4.jar"), "jar");
        FakeContainer container = containers.expecting().on(RUN, ok("smoke: Ryuk off (no testcontainers/ryuk image inside)"));

        assertThat(new TestcontainersCheck(List.of(core), TIMEOUT).run(container, new Timings()).passed()).isFalse();
    }

    @Test
    void theProgramIsInThePluginAndUsesTestcontainersItself() throws Exception {
        Path program = TestcontainersCheck.program();
        try {
            String source = Files.readString(program);
            assertThat(source).contains("public class TestcontainersSmoke", "new GenericContainer<>(image)",
                    ".withExposedPorts(PORT)", ".waitingFor(Wait.forListeningPort())", "server.getHost()",
                    "server.getMappedPort(PORT)", "execInContainer(", "Network.newNetwork()", ".withNetworkAliases(ALIAS)",
                    "smoke: passed");
        } finally {
            Files.delete(program);
        }
    }

    @Test
    void theCatalogAddsItOnlyWhenGiven() {
        LaunchSettings settings = new LaunchSettings(true, false, false, List.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(), "dev", null);
        CheckCatalog.Timeouts timeouts = new CheckCatalog.Timeouts(TIMEOUT, TIMEOUT, TIMEOUT);

        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of())).extracting(Check::id).doesNotContain("testcontainers");
        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of(), io.github.dind.devcontainer.devcontainer
                .JavaExpectations.none(), null, null, List.of(), new CheckCatalog.Testcontainers(List.of(Path.of("t.jar")), TIMEOUT)))
                .extracting(Check::id).containsSubsequence("docker-info", "reaping", "testcontainers", "dockerd-restart");
        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of("testcontainers"), io.github.dind.devcontainer
                .devcontainer.JavaExpectations.none(), null, null, List.of(), new CheckCatalog.Testcontainers(List.of(), TIMEOUT)))
                .singleElement().extracting(Check::requires).isEqualTo(Set.of(DockerInfoCheck.ID));
    }

    /**
     * What the check configures for Ryuk, run for real (bash) against stand-ins for docker and java
     * that record their calls: Ryuk on, with its image named, when the inner daemon has a
     * testcontainers/ryuk image (from any registry), off otherwise; and what the run made is removed.
     */
    @Test
    void ryukIsOnExactlyWhenItsImageIsInTheInnerDaemon(@TempDir Path folder) throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path calls = folder.resolve("calls");
        stub(bin, "docker", "echo \"docker $*\" >> " + calls + "\n"
                + "if [ \"$1 $2\" = 'image ls' ]; then cat " + folder.resolve("images") + "; fi\n"
                + "if [ \"$1\" = import ]; then cat >/dev/null; echo sha256:0123; fi\n");
        stub(bin, "java", "echo \"java $* RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-} RYUK_IMAGE=${TESTCONTAINERS_RYUK_CONTAINER_IMAGE:-}\""
                + " >> " + calls + "\necho 'smoke: passed'\n");

        Files.writeString(folder.resolve("images"), "debian:trixie\nmirror.example.com/testcontainers/ryuk:0.12.0\n");
        String on = runScript(bin, calls);
        assertThat(on).contains("java -cp " + TestcontainersCheck.FOLDER + "/* " + TestcontainersCheck.FOLDER
                + "/TestcontainersSmoke.java devcontainer-verify-testcontainers:latest RYUK_DISABLED= RYUK_IMAGE="
                + "mirror.example.com/testcontainers/ryuk:0.12.0");

        Files.writeString(folder.resolve("images"), "debian:trixie\nexample/not-ryuk:1\n");
        String off = runScript(bin, calls);
        assertThat(off).contains("RYUK_DISABLED=true RYUK_IMAGE=\n");
        // the image it imported, and any container or network a failed run left, are removed on exit
        assertThat(off).contains("docker import - devcontainer-verify-testcontainers:latest",
                "docker ps -aq --filter label=io.github.dind.devcontainer.verify=testcontainers",
                "docker network ls -q --filter label=org.testcontainers=true",
                "docker rmi -f devcontainer-verify-testcontainers:latest");
    }

    private static void stub(Path bin, String name, String body) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String runScript(Path bin, Path calls) throws Exception {
        Files.deleteIfExists(calls);
        Processes.Result result = Processes.run(List.of("env", "PATH=" + bin + ":/usr/bin:/bin", "bash", "-c",
                TestcontainersCheck.SCRIPT), "");
        assertThat(result.exitCode()).as(result.stdout()).isZero();
        return Files.readString(calls);
    }
}
