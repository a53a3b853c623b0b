package io.github.dind.devcontainer.image.features.oci;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which login a Features registry gets: settings.xml, DEVCONTAINERS_OCI_AUTH, the docker CLI's, GITHUB_TOKEN. */
class RegistryLoginsTest {
    @TempDir
    Path docker;

    private RegistryLogins logins(Map<String, RegistryCredentials> servers, Map<String, String> env) throws Exception {
        Files.writeString(docker.resolve("config.json"),
                "{\"auths\": {\"reg.example.com\": {\"auth\": \"ZG9ja2VyOmQtcGFzcw==\"}, \"ghcr.io\": {}}}"); // docker:d-pass
        return new RegistryLogins(new CredentialLookup(servers, docker, (helper, server) -> Optional.empty()), env);
    }

    @Test
    void eachSourceInTurn() throws Exception {
        RegistryCredentials server = RegistryCredentials.password("maven", "m-pass", "settings.xml server reg.example.com");
        String variable = "other.example.com|o|o-pass,reg.example.com|env|e-pass";

        assertThat(logins(Map.of("reg.example.com", server), Map.of("DEVCONTAINERS_OCI_AUTH", variable)).find("reg.example.com"))
                .contains(server);
        assertThat(logins(Map.of(), Map.of("DEVCONTAINERS_OCI_AUTH", variable)).find("reg.example.com"))
                .contains(RegistryCredentials.password("env", "e-pass", "DEVCONTAINERS_OCI_AUTH"));
        assertThat(logins(Map.of(), Map.of()).find("reg.example.com").map(RegistryCredentials::username)).contains("docker");
        assertThat(logins(Map.of(), Map.of()).find("nothing.example.com")).isEmpty();
    }

    @Test
    void githubTokenForGhcrOnlyAndOnlyForGithubCom() throws Exception {
        assertThat(logins(Map.of(), Map.of("GITHUB_TOKEN", "gh-token")).find("ghcr.io"))
                .contains(RegistryCredentials.password("USERNAME", "gh-token", "GITHUB_TOKEN"));
        assertThat(logins(Map.of(), Map.of("GITHUB_TOKEN", "gh-token", "GITHUB_HOST", "github.example.com")).find("ghcr.io")).isEmpty();
        assertThat(logins(Map.of(), Map.of("GITHUB_TOKEN", "gh-token")).find("other.example.com")).isEmpty();
    }
}
