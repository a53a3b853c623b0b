package io.github.dind.devcontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.Setting;
import org.junit.jupiter.api.Test;

/** The daemon's registry errors (moby, distribution) become sentences that point at the fix. */
class RegistryErrorsTest {
    private static final RegistryCredentials LOGIN = RegistryCredentials.password("ci", "x", "settings.xml server r.example.com");

    @Test
    void refusedAuthenticationNamesWhereTheLoginCameFrom() {
        String message = RegistryErrors.explain("Pushing r.example.com/a:1", "r.example.com", "unauthorized: authentication required", LOGIN);
        assertThat(message).contains("refused the authentication").contains("settings.xml server r.example.com");
        assertThat(RegistryErrors.explain("Pushing r.example.com/a:1", "r.example.com", "denied: requested access to the resource is denied", null))
                .contains("refused the authentication").contains("<id>r.example.com</id>").contains("docker login r.example.com");
    }

    @Test
    void plainHttpAsksForInsecureRegistries() {
        String message = RegistryErrors.explain("Pushing r.example.com:5000/a:1", "r.example.com:5000",
                "Get \"https://r.example.com:5000/v2/\": http: server gave HTTP response to HTTPS client", LOGIN);
        assertThat(message).contains("plain HTTP").contains("insecure-registries").contains("\"r.example.com:5000\"");
    }

    @Test
    void unreachableNamesTheImageName() {
        String message = RegistryErrors.explain("Pushing r.example.com/a:1", "r.example.com",
                "Get \"https://r.example.com/v2/\": dial tcp 10.0.0.1:443: connect: connection refused", LOGIN);
        assertThat(message).contains("cannot be reached");
        assertThat(Setting.mentioned(message)).containsExactly("imageName");
    }
}
