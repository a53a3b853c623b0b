package io.github.dind.devcontainer.verify.checks;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryLoginsCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ROOT_READ = "sh -c mkdir -p \"$1\" && if [ -f \"$1/config.json\" ]; then cat \"$1/config.json\"; fi sh /root/.docker";
    private static final String ROOT_OWN = "sh -c chown -R \"$2\": \"$1\" && chmod 0700 \"$1\" && chmod 0600 \"$1/config.json\" sh /root/.docker root";
    private static final List<RegistryLoginsCheck.Login> LOGINS = List.of(
            new RegistryLoginsCheck.Login("docker.io", "ci", "s3cret", null, "settings.xml server docker.io"),
            new RegistryLoginsCheck.Login("registry.example.com:5000", null, null, "tok3n", "docker-credential-pass"));

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheLoginsForRootAndTheRemoteUserWithoutTheSecretOnAnyCommandLine() throws Exception {
        FakeContainer container = containers.expecting().remoteUser("dev")
                .on(ROOT_READ, ok(""))
                .on(ROOT_OWN, ok(""))
                .on("getent passwd dev", ok("dev:x:1000:1000::/home/dev:/bin/bash\n"))
                .on(ROOT_READ.replace("/root/.docker", "/home/dev/.docker"), ok("{\"auths\": {\"other.example.com\": {\"auth\": \"eDp5\"}}, \"psFormat\": \"table\"}"))
                .on(ROOT_OWN.replace("/root/.docker root", "/home/dev/.docker dev"), ok(""));

        Observation seen = new RegistryLoginsCheck(LOGINS, TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).isEqualTo("logins for docker.io (user ci from settings.xml server docker.io),"
                + " registry.example.com:5000 (identity token from docker-credential-pass) in /root/.docker/config.json"
                + " and /home/dev/.docker/config.json").doesNotContain("s3cret").doesNotContain("tok3n");
        assertThat(container.commands()).noneMatch(c -> c.contains("s3cret") || c.contains("tok3n") || c.contains(base64("ci:s3cret")));
        JsonNode root = JsonMapper.builder().build().readTree(container.putFiles().get("/root/.docker/config.json"));
        assertThat(root.path("auths").path("https://index.docker.io/v1/").path("auth").asText()).isEqualTo(base64("ci:s3cret"));
        assertThat(root.path("auths").path("registry.example.com:5000").path("identitytoken").asText()).isEqualTo("tok3n");
        JsonNode dev = JsonMapper.builder().build().readTree(container.putFiles().get("/home/dev/.docker/config.json"));
        assertThat(dev.path("auths").path("other.example.com").path("auth").asText()).as("the user's own entries stay").isEqualTo("eDp5");
        assertThat(dev.path("psFormat").asText()).isEqualTo("table");
        assertThat(dev.path("auths").path("https://index.docker.io/v1/").path("auth").asText()).isEqualTo(base64("ci:s3cret"));
        assertThat(container.putFiles()).containsOnlyKeys("/root/.docker/config.json", "/home/dev/.docker/config.json");
    }

    @Test
    void aConfigFileThatIsNoJsonObjectIsLeftAloneAndFailsTheStep() throws Exception {
        FakeContainer container = containers.expecting().on(ROOT_READ, ok("[1, 2]"));

        Observation seen = new RegistryLoginsCheck(LOGINS, TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("/root/.docker/config.json is there but is no JSON object");
        assertThat(container.putFiles()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeMadeFailsTheStepSayingWhy() throws Exception {
        FakeContainer container = containers.expecting().on(ROOT_READ, exit(1, "mkdir: Read-only file system"));

        Observation seen = new RegistryLoginsCheck(LOGINS, TIMEOUT).run(container, new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).isEqualTo("cannot create /root/.docker: mkdir: Read-only file system");
    }

    @Test
    void theStepRunsRightAfterTheStartBeforeTheLifecycleCommandsWhateverOnlySelects() throws Exception {
        LaunchSettings settings = LaunchSettings.parse("{\"postCreateCommand\": \"docker pull alpine\"}", "test");
        CheckCatalog.Timeouts timeouts = new CheckCatalog.Timeouts(TIMEOUT, TIMEOUT, TIMEOUT);

        List<Check> all = CheckCatalog.checks(settings, List.of(), timeouts, Set.of(), io.github.dind.devcontainer.devcontainer
                .JavaExpectations.none(), null, null, LOGINS, null);
        List<Check> only = CheckCatalog.checks(settings, List.of(), timeouts, Set.of("lifecycle"), io.github.dind.devcontainer
                .devcontainer.JavaExpectations.none(), null, null, LOGINS, null);

        assertThat(all.stream().map(Check::id).limit(3)).containsExactly("running", "registry-logins", "lifecycle:postCreateCommand");
        assertThat(all.get(2).requires()).contains("registry-logins");
        assertThat(only.stream().map(Check::id)).containsExactly("registry-logins", "lifecycle:postCreateCommand");
        assertThat(CheckCatalog.checks(settings, List.of(), timeouts, Set.of()).stream().map(Check::id))
                .doesNotContain("registry-logins");
    }
}
