package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyArgsTest {
    private static final String CONFIG = """
            {"proxies": {
              "default": {"httpProxy": "http://proxy:3128", "noProxy": "localhost,.corp"},
              "tcp://build-host:2376": {"httpsProxy": "http://other:8080"}}}
            """;

    @Test
    void theDefaultEntryGivesUpperAndLowerCaseArgs() throws Exception {
        Map<String, String> args = ProxyArgs.fromConfig(JsonMapper.builder().build().readTree(CONFIG),
                "unix:///var/run/docker.sock", Map.of());

        assertThat(args).containsExactlyInAnyOrderEntriesOf(Map.of("HTTP_PROXY", "http://proxy:3128",
                "http_proxy", "http://proxy:3128", "NO_PROXY", "localhost,.corp", "no_proxy", "localhost,.corp"));
    }

    @Test
    void anEntryForTheDaemonsAddressWinsOverDefault() throws Exception {
        assertThat(ProxyArgs.fromConfig(JsonMapper.builder().build().readTree(CONFIG), "tcp://build-host:2376", Map.of()))
                .containsOnlyKeys("HTTPS_PROXY", "https_proxy");
    }

    @Test
    void theBuildsOwnArgsAreLeftAlone() throws Exception {
        assertThat(ProxyArgs.fromConfig(JsonMapper.builder().build().readTree(CONFIG), "unix:///x",
                Map.of("http_proxy", "mine"))).doesNotContainKey("http_proxy").containsKey("HTTP_PROXY");
    }

    @Test
    void theConfigIsFoundThroughDockerConfigAndAbsenceIsNoProxies(@TempDir Path dir) throws Exception {
        assertThat(ProxyArgs.forBuild(Map.of("DOCKER_CONFIG", dir.toString()), "unix:///x", Map.of())).isEmpty();
        Files.writeString(dir.resolve("config.json"), CONFIG);
        assertThat(ProxyArgs.forBuild(Map.of("DOCKER_CONFIG", dir.toString()), "unix:///x", Map.of()))
                .containsEntry("HTTP_PROXY", "http://proxy:3128");
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertThat(ProxyArgs.forBuild(Map.of("DOCKER_CONFIG", dir.toString()), "unix:///x", Map.of())).isEmpty();
    }
}
