package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The CLI's reading of a Feature reference: the cases of devcontainers/cli's own getRef() tests
 * (src/test/container-features/containerFeaturesOCI.test.ts), and the host rule of
 * fetchOCIManifestIfExists.
 */
class OciReferenceTest {
    private static final String DIGEST = "sha256:4ef08c9c3b708f3c2faecc5a898b39736423dd639f09f2a9f8bf9b0b9252ef0a";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // input | registry | namespace | id | resource | tag | digest
        "ghcr.io/devcontainers/templates/docker-from-docker:latest | ghcr.io | devcontainers/templates | docker-from-docker | ghcr.io/devcontainers/templates/docker-from-docker | latest |",
        "ghcr.io/devcontainers/templates/docker-from-docker | ghcr.io | devcontainers/templates | docker-from-docker | ghcr.io/devcontainers/templates/docker-from-docker | latest |",
        "ghcr.io/DeVContainERS/templates/Docker-FROM-Docker | ghcr.io | devcontainers/templates | docker-from-docker | ghcr.io/devcontainers/templates/docker-from-docker | latest |",
        "docker.io:8001/devcontainers/templates/docker-from-docker:1.3.4 | docker.io:8001 | devcontainers/templates | docker-from-docker | docker.io:8001/devcontainers/templates/docker-from-docker | 1.3.4 |",
        "docker.io:8001/devcontainers/templates/docker-from-docker | docker.io:8001 | devcontainers/templates | docker-from-docker | docker.io:8001/devcontainers/templates/docker-from-docker | latest |",
        "docker.io:8001/devcontainers/templates/docker-from-docker@" + DIGEST + " | docker.io:8001 | devcontainers/templates | docker-from-docker | docker.io:8001/devcontainers/templates/docker-from-docker | | " + DIGEST,
        "docker.io:8001/a/b/c | docker.io:8001 | a/b | c | docker.io:8001/a/b/c | latest |",
        "127.0.0.1:25016/it/features/hello:1 | 127.0.0.1:25016 | it/features | hello | 127.0.0.1:25016/it/features/hello | 1 |",
        "localhost:5000/team/features/tool:2.0 | localhost:5000 | team/features | tool | localhost:5000/team/features/tool | 2.0 |",
        // the owner devcontainers-contrib is read as devcontainers-extra, but not in the resource
        "ghcr.io/devcontainers-contrib/features/ant-sdkman:2 | ghcr.io | devcontainers-extra/features | ant-sdkman | ghcr.io/devcontainers-contrib/features/ant-sdkman | 2 |",
    })
    void readsAReferenceAsTheCliDoes(String input, String registry, String namespace, String id, String resource, String tag,
            String digest) throws Exception {
        OciReference ref = OciReference.parse(input);

        assertThat(ref).isEqualTo(new OciReference(registry, namespace, id, resource, tag, digest));
        assertThat(ref.path()).isEqualTo(namespace + "/" + id);
        assertThat(ref.version()).isEqualTo(digest != null ? digest : tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ghcr.io/devcontainers/templates/docker-from-docker:latest:latest",
        "ghcr.io/devco%ntainers/templates/docker-from-docker:latest",
        "ghcr.io/devcontainers/templates/docker-from@docker:latest",
        "ghcr.io/:latest",
        "ghcr.io",
        "ghcr.io/devcontainers//templates/docker-from-docker:latest",
        "ghcr.io/devcontainers/templates/docker-from-docker@sha100:1234567890123456789012345678901234567890123456789012345678901234",
        "ghcr.io/devcontainers/templates/docker-from-docker@1234567890123456789012345678901234567890123456789012345678901234",
        "ghcr.io/node:1",
        ".ghcr.io/devcontainers/features/node",
        "ghcr.io/devcontainers/features/node:-1",
    })
    void refusesWhatTheCliRefuses(String input) {
        assertThatThrownBy(() -> OciReference.parse(input)).isInstanceOf(FeatureException.class)
                .hasMessageStartingWith("The Feature \"" + input + "\" is not an OCI reference devcontainer clients read: ")
                .hasMessageContaining("getRef");
    }

    @Test
    void aRegistryNeedsADotOrToBeLocalhost() throws Exception {
        assertThatThrownBy(() -> OciReference.parse("myregistry:5000/team/features/tool:1"))
                .hasMessageContaining("the registry \"myregistry:5000\" has no dot and is not localhost");
        assertThat(OciReference.parse("localhost/team/features/tool").registry()).isEqualTo("localhost");
    }

    @Test
    void localhostIsSpokenToOverPlainHttpAndEveryOtherRegistryOverHttps() throws Exception {
        // devcontainers/cli httpRequest.ts: plainHTTP when the URL's hostname is localhost
        assertThat(OciReference.parse("localhost:5000/team/features/tool:1").apiBase())
                .isEqualTo("http://localhost:5000/v2/team/features/tool/");
        assertThat(OciReference.parse("127.0.0.1:5000/team/features/tool:1").apiBase())
                .isEqualTo("https://127.0.0.1:5000/v2/team/features/tool/");
        assertThat(OciReference.parse("localhost.example.com/team/features/tool").scheme()).isEqualTo("https");
    }

    @Test
    void aPinnedReferenceIsTheLockfilesResolved() throws Exception {
        assertThat(OciReference.parse("ghcr.io/devcontainers/features/node:1").pinned(DIGEST))
                .isEqualTo("ghcr.io/devcontainers/features/node@" + DIGEST);
    }
}
