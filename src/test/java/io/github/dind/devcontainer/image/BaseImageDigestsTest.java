package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.sun.net.httpserver.HttpServer;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.image.features.oci.RegistryClient;
import io.github.dind.devcontainer.image.features.oci.RegistryLogins;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The digest of a tag: from a registry on the loopback over plain HTTP, else from the engine's RepoDigests. */
class BaseImageDigestsTest {
    private static final String INDEX = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + "1".repeat(64) + "\",\"size\":1,\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}";
    private static final String LOCAL = "sha256:" + "e".repeat(64);

    private HttpServer server;
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private String answer = INDEX;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/", exchange -> {
            accepted.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Accept"));
            boolean known = exchange.getRequestURI().getPath().equals("/v2/base/debian/manifests/trixie");
            byte[] body = known ? answer.getBytes(StandardCharsets.UTF_8)
                    : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private BaseImageDigests digests(BaseImageDigests.LocalDigests engine, boolean offline) throws Exception {
        RegistryClient client = new RegistryClient(SSLContext.getDefault(), Duration.ofSeconds(5), Duration.ofSeconds(5),
                new RegistryLogins(CredentialLookup.none(), Map.of()), new RecordingConsole(), "baseImage");
        return new BaseImageDigests(client, engine, offline);
    }

    private String registry() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aLoopbackRegistryWithoutTlsGivesTheDigestOfTheIndexItSent() throws Exception {
        BaseImageDigests.Resolved resolved = digests(reference -> List.of(), false)
                .resolve(ImageReference.parse(registry() + "/base/debian:trixie"));

        assertThat(resolved.digest()).isEqualTo("sha256:" + Sha256.hex(INDEX));
        assertThat(resolved.source()).isEqualTo("the registry " + registry());
        assertThat(accepted).containsExactly("GET /v2/base/debian/manifests/trixie application/vnd.oci.image.index.v1+json,"
                + " application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json,"
                + " application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    void aSchemaOneManifestIsNotPinned() throws Exception {
        answer = "{\"schemaVersion\":1,\"name\":\"base/debian\",\"tag\":\"trixie\",\"fsLayers\":[],\"signatures\":[]}";

        assertThatThrownBy(() -> digests(reference -> List.of(), false).resolve(ImageReference.parse(registry() + "/base/debian:trixie")))
                .hasMessageStartingWith("the registry " + registry() + " answered for " + registry() + "/base/debian:trixie with a"
                        + " manifest of schema version 1, not 2");
    }

    @Test
    void anUnknownTagFallsBackToTheEnginesOneDigestOfThatRepository() throws Exception {
        List<String> inspected = new ArrayList<>();
        BaseImageDigests.Resolved resolved = digests(reference -> {
            inspected.add(reference);
            return List.of("other/image@sha256:" + "f".repeat(64), registry() + "/base/debian@" + LOCAL);
        }, false).resolve(ImageReference.parse(registry() + "/base/debian:forky"));

        assertThat(resolved.digest()).isEqualTo(LOCAL);
        assertThat(resolved.source()).startsWith("the Docker engine's RepoDigests of " + registry() + "/base/debian:forky, as the"
                + " registry " + registry() + " does not have the manifest " + registry() + "/base/debian:forky (HTTP 404:"
                + " MANIFEST_UNKNOWN manifest unknown)");
        assertThat(inspected).containsExactly(registry() + "/base/debian:forky");
    }

    @Test
    void offlineAsksNoRegistryAndSaysWhyWhenTheEngineHasNothing() throws Exception {
        assertThatThrownBy(() -> digests(reference -> List.of(), true).resolve(ImageReference.parse(registry() + "/base/debian:trixie")))
                .isInstanceOf(BaseImageDigests.Unresolved.class)
                .hasMessage("Maven runs offline (-o), so no registry is asked; the Docker engine has no digest of it"
                        + " (RepoDigests: an image pulled by tag has one, one loaded or built locally none)");
        assertThatThrownBy(() -> digests(reference -> {
            throw new IOException("Cannot connect to unix:///var/run/docker.sock");
        }, true).resolve(ImageReference.parse("debian:trixie")))
                .hasMessageEndingWith("; the Docker engine cannot be asked either (Cannot connect to unix:///var/run/docker.sock)");
        assertThat(accepted).isEmpty();
        assertThat(digests(reference -> List.of("debian@" + LOCAL), true).resolve(ImageReference.parse("docker.io/library/debian:trixie"))
                .digest()).isEqualTo(LOCAL);
    }

    @Test
    void anUnreachableRegistrySaysSoNamingBaseImage() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> digests(reference -> List.of(), false).resolve(ImageReference.parse("127.0.0.1:" + closed + "/x:1")))
                .hasMessageStartingWith("nothing answers at http://127.0.0.1:" + closed)
                .hasMessageContaining("check the registry's name and port in baseImage");
    }

    @Test
    void dockerHubNamesAreReadAsTheDockerCliReadsThem() {
        assertThat(BaseImageDigests.Endpoint.of("debian")).isEqualTo(new BaseImageDigests.Endpoint("docker.io",
                "registry-1.docker.io", "library/debian"));
        assertThat(BaseImageDigests.Endpoint.of("docker.io/team/app")).isEqualTo(new BaseImageDigests.Endpoint("docker.io",
                "registry-1.docker.io", "team/app"));
        assertThat(BaseImageDigests.Endpoint.of("cgr.dev/chainguard/wolfi-base")).isEqualTo(new BaseImageDigests.Endpoint(
                "cgr.dev", "cgr.dev", "chainguard/wolfi-base"));
        assertThat(BaseImageDigests.Endpoint.of("localhost:5000/x").loopback()).isTrue();
        assertThat(BaseImageDigests.Endpoint.of("127.0.0.1:5000/x").loopback()).isTrue();
        assertThat(BaseImageDigests.Endpoint.of("[::1]:5000/x").loopback()).isTrue();
        assertThat(BaseImageDigests.Endpoint.of("registry.example.com:5000/x").loopback()).isFalse();
        assertThat(BaseImageDigests.familiar("docker.io/library/debian")).isEqualTo("debian");
        assertThat(BaseImageDigests.familiar("index.docker.io/team/app")).isEqualTo("team/app");
        assertThat(BaseImageDigests.familiar("ghcr.io/library/x")).isEqualTo("ghcr.io/library/x");
    }
}
