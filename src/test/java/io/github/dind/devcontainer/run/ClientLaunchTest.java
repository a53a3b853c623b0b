package io.github.dind.devcontainer.run;

import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.MountSpec;
import io.github.dind.devcontainer.verify.PluginDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden arguments: what devcontainers/cli (singleContainer.ts {@code spawnDevContainer}) passes to
 * {@code docker run} for a devcontainer.json and an image.
 */
class ClientLaunchTest {
    private static final ImageConfig IMAGE = new ImageConfig(List.of("dumb-init", "--", "startup.sh"),
            List.of("sleep", "infinity"), "dev");
    private static final List<String> ATTACH = List.of("run", "--sig-proxy=false", "-a", "STDOUT", "-a", "STDERR");
    private static final String SCRIPT = "echo Container started\ntrap \"exit 0\" 15\n\nexec \"$@\"\n"
            + "while sleep 1 & wait $!; do :; done";

    @TempDir
    Path dir;

    private ClientLaunch launch(String json) throws Exception {
        Path file = dir.resolve("devcontainer.json");
        Files.writeString(file, json);
        return ClientLaunch.of("img:1", LaunchSettings.read(file), IMAGE);
    }

    private static List<String> golden(List<String> middle, String... tail) {
        List<String> args = new ArrayList<>(ATTACH);
        args.addAll(middle);
        args.addAll(List.of("--entrypoint", "/bin/sh", "img:1", "-c", SCRIPT, "-"));
        args.addAll(List.of(tail));
        return args;
    }

    @Test
    void overrideCommandFalseKeepsTheImagesEntrypointAndCmdAsArguments() throws Exception {
        ClientLaunch launch = launch("{\"overrideCommand\": false}");

        assertThat(launch.dockerRunArgs()).isEqualTo(golden(List.of(), "dumb-init", "--", "startup.sh", "sleep", "infinity"));
        assertThat(launch.command()).endsWith("dumb-init", "--", "startup.sh", "sleep", "infinity");
    }

    @Test
    void overrideCommandTrueOrUnsetRunsOnlyTheSleepLoop() throws Exception {
        assertThat(launch("{\"overrideCommand\": true}").dockerRunArgs()).isEqualTo(golden(List.of()));
        assertThat(launch("{}").dockerRunArgs()).isEqualTo(golden(List.of()));
        assertThat(launch("{}").command()).containsExactly("-c", SCRIPT, "-");
    }

    @Test
    void theFeaturesEntrypointsRunBeforeTheImagesCommand() throws Exception {
        LaunchSettings settings = LaunchSettings.merged(io.github.dind.devcontainer.devcontainer.ImageMetadata.entries(
                "[{\"id\": \"./a\", \"entrypoint\": \"/a.sh\"}, {\"id\": \"./b\", \"entrypoint\": \"/b.sh --x\"}]"),
                "{\"overrideCommand\": false}", "devcontainer.json");

        List<String> command = ClientLaunch.of("img:1", settings, IMAGE).command();

        // singleContainer.ts spawnDevContainer: the entrypoints take the empty line of the script
        assertThat(command.get(1)).isEqualTo(SCRIPT.replace("15\n\nexec", "15\n/a.sh\n/b.sh --x\nexec"));
        assertThat(command).endsWith("dumb-init", "--", "startup.sh", "sleep", "infinity");
    }

    @Test
    void initAndPrivilegedComeAfterTheRunArgs() throws Exception {
        ClientLaunch launch = launch("{\"init\": true, \"privileged\": true, \"runArgs\": [\"--network=host\"],"
                + " \"capAdd\": [\"SYS_PTRACE\"], \"securityOpt\": [\"seccomp=unconfined\"]}");

        assertThat(launch.dockerRunArgs()).isEqualTo(golden(List.of("--network=host", "--init", "--privileged",
                "--cap-add", "SYS_PTRACE", "--security-opt", "seccomp=unconfined")));
        assertThat(launch.init()).isTrue();
        assertThat(launch.privileged()).isTrue();
        assertThat(launch.network()).isEqualTo("host");
    }

    @Test
    void privilegedBothWays() throws Exception {
        assertThat(launch("{\"privileged\": false}").privileged()).isFalse();
        assertThat(launch("{\"privileged\": false}").dockerRunArgs()).doesNotContain("--privileged");
        assertThat(launch("{}").privileged()).isFalse();

        ClientLaunch fromRunArgs = launch("{\"runArgs\": [\"--privileged\"]}");
        assertThat(fromRunArgs.privileged()).isTrue();
        assertThat(fromRunArgs.dockerRunArgs()).isEqualTo(golden(List.of("--privileged")));
        assertThat(fromRunArgs.warnings()).isEmpty();

        assertThat(launch("{\"privileged\": true}").dockerRunArgs()).isEqualTo(golden(List.of("--privileged")));
    }

    @Test
    void mountsAsStringsPassThroughAndObjectsAreWrittenAsTheCliWritesThem() throws Exception {
        ClientLaunch launch = launch("""
                {"mounts": [
                  {"source": "dind-${devcontainerId}", "target": "/var/lib/docker", "type": "volume"},
                  "source=m2,target=/root/.m2,type=volume",
                  {"source": "/host", "target": "/host", "type": "bind"},
                  "type=bind,source=/x,target=/y",
                  {"target": "/anon", "type": "volume"},
                  "type=tmpfs,destination=/scratch"
                ]}""");

        assertThat(launch.dockerRunArgs()).isEqualTo(golden(List.of(
                "--mount", "type=volume,src=dind-${devcontainerId},dst=/var/lib/docker",
                "--mount", "source=m2,target=/root/.m2,type=volume",
                "--mount", "type=bind,src=/host,dst=/host",
                "--mount", "type=bind,source=/x,target=/y",
                "--mount", "type=volume,dst=/anon",
                "--mount", "type=tmpfs,destination=/scratch")));
        assertThat(launch.volumes()).extracting(MountSpec::target).containsExactly("/var/lib/docker", "/root/.m2", "/anon");
        assertThat(launch.binds()).extracting(MountSpec::target).containsExactly("/host", "/y");
        assertThat(launch.warnings()).containsExactly(
                "The bind mount type=bind,src=/host,dst=/host is not performed: verify mounts no host paths",
                "The bind mount type=bind,source=/x,target=/y is not performed: verify mounts no host paths",
                "The mount type=tmpfs,destination=/scratch is not performed: verify emulates volume mounts only");
    }

    @Test
    void containerEnvAndUserComeBeforeTheRunArgs() throws Exception {
        ClientLaunch launch = launch("{\"containerEnv\": {\"B\": \"2\", \"A\": \"x y\"}, \"containerUser\": \"dev\","
                + " \"runArgs\": [\"-e\", \"A=from-run-args\", \"--env=C=3\"]}");

        assertThat(launch.dockerRunArgs()).isEqualTo(golden(List.of("-e", "B=2", "-e", "A=x y", "-u", "dev",
                "-e", "A=from-run-args", "--env=C=3")));
        assertThat(launch.environment()).containsExactly(Map.entry("B", "2"), Map.entry("A", "from-run-args"),
                Map.entry("C", "3"));
        assertThat(launch.user()).isEqualTo("dev");
    }

    @Test
    void runArgsThatAreEmulatedAndOnesThatAreNamedAsNot() throws Exception {
        ClientLaunch launch = launch("{\"runArgs\": [\"--net\", \"bridge\", \"--cap-add=NET_ADMIN\", \"--security-opt\","
                + " \"apparmor=unconfined\", \"--add-host\", \"h:10.0.0.1\", \"--init\", \"--memory\", \"2g\", \"--rm\","
                + " \"--device=/dev/fuse\", \"-e\", \"FROM_HOST\"]}");

        assertThat(launch.network()).isEqualTo("bridge");
        assertThat(launch.capAdd()).containsExactly("NET_ADMIN");
        assertThat(launch.securityOpt()).containsExactly("apparmor=unconfined");
        assertThat(launch.extraHosts()).containsExactly("h:10.0.0.1");
        assertThat(launch.init()).as("--init in runArgs").isTrue();
        assertThat(launch.privileged()).isFalse();
        assertThat(launch.warnings()).containsExactly(
                "The runArg --memory 2g is not emulated by verify: the container starts without it",
                "The runArg --rm is not emulated by verify: the container starts without it",
                "The runArg --device=/dev/fuse is not emulated by verify: the container starts without it",
                "The runArg -e FROM_HOST takes its value from the client's environment; verify does not emulate it");
        assertThat(launch.dockerRunArgs()).doesNotContain("--privileged").containsSubsequence("--memory", "2g", "--entrypoint");
    }

    @Test
    void theRemoteUserFallsBackToContainerUserThenTheImagesUserThenRoot() throws Exception {
        assertThat(launch("{\"remoteUser\": \"a\", \"containerUser\": \"b\"}").remoteUser()).isEqualTo("a");
        assertThat(launch("{\"containerUser\": \"b\"}").remoteUser()).isEqualTo("b");
        assertThat(launch("{}").remoteUser()).isEqualTo("dev");
        assertThat(ClientLaunch.of("i", PluginDefaults.launchSettings(), new ImageConfig(null, null, "")).remoteUser())
                .isEqualTo("root");
    }

    @Test
    void thePluginDefaultsLaunchAsTheGeneratedDevcontainerJsonDoes() {
        ClientLaunch launch = ClientLaunch.of("img:1", PluginDefaults.launchSettings(), IMAGE);

        assertThat(launch.dockerRunArgs()).isEqualTo(golden(List.of(
                "--mount", "type=volume,src=dind-var-lib-docker-${devcontainerId},dst=/var/lib/docker", "--privileged"),
                "dumb-init", "--", "startup.sh", "sleep", "infinity"));
        assertThat(launch.describe()).isEqualTo("privileged, entrypoint kept (overrideCommand false),"
                + " volumes at /var/lib/docker, no terminal");
    }
}
