package io.github.dind.devcontainer.image.features.oci;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WWW-Authenticate as registries send it (ghcr.io, Docker Hub, distribution's htpasswd, Harbor). */
class AuthChallengeTest {
    @Test
    void aBearerChallengeAsGhcrSendsIt() {
        // devcontainers/cli httpOCIRegistry.ts, the example above its regular expressions
        assertThat(AuthChallenge.parse("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:devcontainers/features:pull\""))
                .containsExactly(new AuthChallenge("bearer", Map.of("realm", "https://ghcr.io/token", "service", "ghcr.io",
                        "scope", "repository:devcontainers/features:pull")));
    }

    @Test
    void aScopeWithACommaAndTwoChallengesInOneHeader() {
        assertThat(AuthChallenge.parse("Basic realm=\"Registry Realm\", Bearer realm=\"https://auth.docker.io/token\","
                + " service=\"registry.docker.io\", scope=\"repository:samalba/my-app:pull,push\""))
                .containsExactly(new AuthChallenge("basic", Map.of("realm", "Registry Realm")),
                        new AuthChallenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                                "service", "registry.docker.io", "scope", "repository:samalba/my-app:pull,push")));
    }

    @Test
    void schemesAndNamesInAnyCaseTokensAndEscapes() {
        AuthChallenge challenge = AuthChallenge.parse("BEARER Realm=https://r.example/token, Service = \"a \\\"quoted\\\" one\"").get(0);
        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.param("REALM")).isEqualTo("https://r.example/token");
        assertThat(challenge.param("service")).isEqualTo("a \"quoted\" one");
        assertThat(challenge.param("scope")).isNull();
    }

    @Test
    void noHeaderNoChallenge() {
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse("  ")).isEmpty();
        assertThat(AuthChallenge.parse("Basic")).containsExactly(new AuthChallenge("basic", Map.of()));
    }
}
