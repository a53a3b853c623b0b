package io.github.dind.devcontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order logins are looked up in: settings.xml servers, config.json auths, credential helpers. */
class CredentialLookupTest {
    @TempDir
    Path docker;

    private final List<String> helperCalls = new ArrayList<>();

    private CredentialLookup lookup(Map<String, RegistryCredentials> servers, String configJson,
            Map<String, String> helperAnswers) throws Exception {
        if (configJson != null) {
            Files.writeString(docker.resolve("config.json"), configJson);
        }
        return new CredentialLookup(servers, docker, (helper, server) -> {
            helperCalls.add(helper + " " + server);
            return Optional.ofNullable(helperAnswers.get(helper + " " + server));
        });
    }

    private static String auth(String userColonPassword) {
        return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMavenServerWinsOverEverythingElse() throws Exception {
        CredentialLookup lookup = lookup(Map.of("registry.example.com",
                        RegistryCredentials.password("maven", "m", "settings.xml server registry.example.com")),
                "{\"auths\": {\"registry.example.com\": {\"auth\": \"" + auth("cli:c") + "\"}}, \"credsStore\": \"pass\"}",
                Map.of());
        RegistryCredentials found = lookup.find("registry.example.com").orElseThrow();
        assertThat(found.username()).isEqualTo("maven");
        assertThat(found.source()).contains("settings.xml");
        assertThat(helperCalls).isEmpty();
    }

    @Test
    void thenConfigJsonAuthsInAnyKeyForm() throws Exception {
        CredentialLookup lookup = lookup(Map.of("other.example.com", RegistryCredentials.password("x", "y", "s")),
                "{\"auths\": {\"https://registry.example.com:5000/v1/\": {\"auth\": \"" + auth("cli:p:w") + "\"}},"
                        + " \"credsStore\": \"pass\"}", Map.of());
        RegistryCredentials found = lookup.find("registry.example.com:5000").orElseThrow();
        assertThat(found.username()).isEqualTo("cli");
        assertThat(found.password()).as("only the first colon separates").isEqualTo("p:w");
        assertThat(helperCalls).isEmpty();
    }

    @Test
    void thenTheRegistrysOwnHelperBeforeTheStore() throws Exception {
        CredentialLookup lookup = lookup(Map.of(),
                "{\"auths\": {\"registry.example.com\": {}}, \"credHelpers\": {\"registry.example.com\": \"ecr-login\"},"
                        + " \"credsStore\": \"pass\"}",
                Map.of("ecr-login registry.example.com", "{\"ServerURL\": \"registry.example.com\", \"Username\": \"AWS\", \"Secret\": \"t\"}"));
        RegistryCredentials found = lookup.find("registry.example.com").orElseThrow();
        assertThat(found.username()).isEqualTo("AWS");
        assertThat(found.password()).isEqualTo("t");
        assertThat(found.source()).isEqualTo("docker-credential-ecr-login");
        assertThat(helperCalls).containsExactly("ecr-login registry.example.com");
    }

    @Test
    void thenTheStoreWithDockerHubsKeyAndTokens() throws Exception {
        CredentialLookup lookup = lookup(Map.of(), "{\"credsStore\": \"desktop\"}",
                Map.of("desktop https://index.docker.io/v1/", "{\"Username\": \"<token>\", \"Secret\": \"s3cr3t\"}"));
        RegistryCredentials found = lookup.find(CredentialLookup.registryOf("library/debian")).orElseThrow();
        assertThat(found.identityToken()).isEqualTo("s3cr3t");
        assertThat(found.username()).isNull();
        assertThat(found.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void nothingFoundIsEmpty() throws Exception {
        assertThat(lookup(Map.of(), null, Map.of()).find("registry.example.com")).isEmpty();
        assertThat(lookup(Map.of(), "{\"credsStore\": \"pass\"}", Map.of()).find("registry.example.com")).isEmpty();
        assertThat(helperCalls).containsExactly("pass registry.example.com");
    }

    @Test
    void aBrokenConfigSaysWhichFile() throws Exception {
        CredentialLookup lookup = lookup(Map.of(), "{not json", Map.of());
        assertThatThrownBy(() -> lookup.find("registry.example.com")).isInstanceOf(RegistryAuthException.class)
                .hasMessageContaining(docker.resolve("config.json").toString());
    }

    @Test
    void registryHostsAsTheDockerCliReadsThem() {
        assertThat(CredentialLookup.registryOf("app-devcontainer")).isEqualTo("docker.io");
        assertThat(CredentialLookup.registryOf("team/app")).isEqualTo("docker.io");
        assertThat(CredentialLookup.registryOf("localhost/app")).isEqualTo("localhost");
        assertThat(CredentialLookup.registryOf("127.0.0.1:5000/team/app")).isEqualTo("127.0.0.1:5000");
        assertThat(CredentialLookup.registryOf("registry.example.com/app")).isEqualTo("registry.example.com");
        assertThat(CredentialLookup.hostOf("https://index.docker.io/v1/")).isEqualTo("index.docker.io");
    }
}
