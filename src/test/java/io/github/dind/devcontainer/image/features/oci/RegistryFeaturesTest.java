package io.github.dind.devcontainer.image.features.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.FeatureLockfile;
import io.github.dind.devcontainer.devcontainer.features.OciManifest;
import io.github.dind.devcontainer.devcontainer.features.OciReference;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching Features from a registry over HTTPS (a {@link TestRegistry} in this JVM): anonymous, Basic
 * and Bearer logins, the cache and offline builds, the lockfile's pins, and each way it can go wrong,
 * with the message a user gets.
 */
class RegistryFeaturesTest {
    private static final String HELLO = "{\"id\": \"hello\", \"version\": \"1.0.0\", \"name\": \"Hello\"}";

    @TempDir
    Path dir;
    TestRegistry registry;
    final RecordingConsole console = new RecordingConsole();
    Map<String, RegistryCredentials> servers = Map.of();
    Map<String, String> environment = Map.of();
    SSLContext trust;
    Duration requestTimeout = Duration.ofSeconds(10);

    @BeforeEach
    void start() throws Exception {
        registry = new TestRegistry();
        trust = TestRegistry.clientTrust();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryFeatures features(boolean offline, FeatureLockfile lockfile) {
        RegistryLogins logins = new RegistryLogins(new CredentialLookup(servers, null, (helper, server) -> Optional.empty()),
                environment);
        return new RegistryFeatures(new RegistryClient(trust, Duration.ofSeconds(2), requestTimeout, logins, console),
                new FeatureCache(dir.resolve("cache")), Optional.ofNullable(lockfile), offline, console);
    }

    private OciReference hello(String version) throws FeatureException {
        return OciReference.parse(id(version));
    }

    private String id(String version) {
        return registry.host() + "/it/features/hello" + version;
    }

    private Path fetch(RegistryFeatures features, String version) throws FeatureException {
        OciReference ref = hello(version);
        return features.files(id(version), ref, features.manifest(id(version), ref));
    }

    @Test
    void anonymousFetchUnpacksTheFeatureAndOfflineBuildsUseTheCache() throws Exception {
        String digest = registry.publish("it/features/hello", HELLO, List.of("1", "latest"));

        Path folder = fetch(features(false, null), ":1");

        assertThat(Files.readString(folder.resolve("devcontainer-feature.json"))).isEqualTo(HELLO);
        assertThat(Files.isExecutable(folder.resolve("install.sh"))).isTrue();
        assertThat(folder).isEqualTo(dir.resolve("cache").resolve(digest.replace(':', '-')).resolve("feature"));
        assertThat(registry.requests).hasSize(2).first().isEqualTo("GET /v2/it/features/hello/manifests/1");
        assertThat(registry.requests.get(1)).startsWith("GET /v2/it/features/hello/blobs/sha256:");
        assertThat(console.info()).singleElement().asString().startsWith("Feature " + id(":1") + ": " + digest + ", fetched from "
                + registry.host() + " (").endsWith(" KB, anonymously)");

        registry.requests.clear();
        assertThat(fetch(features(true, null), ":1")).isEqualTo(folder);
        assertThat(registry.requests).as("offline: nothing asked").isEmpty();
        assertThat(console.info()).last().isEqualTo("Feature " + id(":1") + ": " + digest + ", from the cache");
        // online, a tag is asked again (it may have moved), the files come from the cache
        fetch(features(false, null), ":1");
        assertThat(registry.requests).containsExactly("GET /v2/it/features/hello/manifests/1");
    }

    @Test
    void offlineWithoutTheFeatureInTheCacheFailsNamingItAndSayingSo() throws Exception {
        registry.publish("it/features/hello", HELLO, List.of("1"));
        assertThatThrownBy(() -> fetch(features(true, null), ":1")).isInstanceOf(FeatureException.class)
                .hasMessage("The Feature \"" + id(":1") + "\" cannot be fetched: Maven runs offline (-o), and it is not in the"
                        + " Feature cache " + dir.resolve("cache") + " (its tag 1 was never resolved online here). Build once"
                        + " without -o to fetch it; -o builds from the cache after that");
        String digest = registry.publish("it/features/hello", HELLO, List.of());
        assertThatThrownBy(() -> fetch(features(true, null), "@" + digest))
                .hasMessageContaining("(no manifest " + digest + ")");
        assertThat(registry.requests).isEmpty();
    }

    @Test
    void theLockfilePinsTheDigestWhateverTheTagSaysNow() throws Exception {
        String locked = registry.publish("it/features/hello", HELLO, List.of("1"));
        registry.retag("it/features/hello", "1", HELLO.replace("1.0.0", "1.0.1"));
        FeatureLockfile lockfile = new FeatureLockfile(Map.of(id(":1"),
                new FeatureLockfile.Entry("1.0.0", hello(":1").pinned(locked), locked, List.of())));

        OciManifest manifest = features(false, lockfile).manifest(id(":1"), hello(":1"));

        assertThat(manifest.digest()).isEqualTo(locked);
        assertThat(registry.requests).containsExactly("GET /v2/it/features/hello/manifests/" + locked);
        // unpinned, the tag gives the new one
        assertThat(features(false, null).manifest(id(":1"), hello(":1")).digest()).isNotEqualTo(locked);
    }

    @Test
    void aManifestThatIsNotTheLockedOneIsRefused() throws Exception {
        String other = registry.publish("it/features/hello", HELLO, List.of("1"));
        String locked = "sha256:" + "0".repeat(64);
        // the registry answers the locked digest with other bytes (a registry that lies, or a proxy)
        registry.publishLayer("it/features/hello", TestRegistry.tar(Map.of()), HELLO, List.of(locked));
        FeatureLockfile lockfile = new FeatureLockfile(Map.of(id(":1"),
                new FeatureLockfile.Entry("1.0.0", hello(":1").pinned(locked), locked, List.of())));

        assertThatThrownBy(() -> features(false, lockfile).manifest(id(":1"), hello(":1"))).isInstanceOf(FeatureException.class)
                .hasMessageStartingWith("The registry " + registry.host() + " answered, for the Feature \"" + id(":1")
                        + "\", with a manifest whose digest is sha256:")
                .hasMessageContaining("not the " + locked + " that devcontainer-lock.json pins: refused")
                .hasMessageContaining("delete its entry from devcontainer-lock.json");
        assertThat(other).isNotEqualTo(locked);
    }

    @Test
    void aLayerWhoseBytesAreNotItsDigestIsRefused() throws Exception {
        registry.publish("it/features/hello", HELLO, List.of("1"));
        registry.blobOverride = exchange -> {
            TestRegistry.send(exchange, 200, "tampered");
            return true;
        };
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessageContaining("answered, for the layer of the Feature \"" + id(":1") + "\", with bytes whose digest is")
                .hasMessageContaining("its manifest names: refused");
        assertThat(dir.resolve("cache").resolve("tags")).isDirectory();
        try (var entries = Files.list(dir.resolve("cache"))) {
            assertThat(entries.filter(p -> Files.isDirectory(p.resolve("feature")))).as("no files kept").isEmpty();
        }
    }

    @Test
    void basicLoginFromSettingsXml() throws Exception {
        registry.auth = TestRegistry.Auth.BASIC;
        registry.publish("it/features/hello", HELLO, List.of("1"));
        servers = Map.of(registry.host(), RegistryCredentials.password("ci", "s3cret", "settings.xml server " + registry.host()));

        fetch(features(false, null), ":1");

        assertThat(registry.requests).hasSize(3).startsWith("GET /v2/it/features/hello/manifests/1",
                "GET /v2/it/features/hello/manifests/1 Basic");
        assertThat(registry.requests.get(2)).startsWith("GET /v2/it/features/hello/blobs/sha256:").endsWith(" Basic");
        assertThat(console.info()).last().asString().endsWith(" KB, as ci from settings.xml server " + registry.host() + ")");
    }

    @Test
    void aRefusedOrMissingLoginSaysWhereTheLoginCameFrom() throws Exception {
        registry.auth = TestRegistry.Auth.BASIC;
        registry.publish("it/features/hello", HELLO, List.of("1"));
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessage("The Feature \"" + id(":1") + "\" cannot be fetched: the registry " + registry.host() + " asks for"
                        + " a login (HTTP 401, Basic), and none was found: add a <server> with <id>" + registry.host()
                        + "</id> to Maven's settings.xml, or run docker login " + registry.host());
        environment = Map.of("DEVCONTAINERS_OCI_AUTH", "other:1|x|y," + registry.host() + "|ci|wrong");
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessageContaining("the registry " + registry.host() + " refused the manifest it/features/hello:1 to the login"
                        + " ci from DEVCONTAINERS_OCI_AUTH (HTTP 401: UNAUTHORIZED authentication required): check the user"
                        + " name and password there");
    }

    @Test
    void bearerTokensWithTheLoginAndAnonymously() throws Exception {
        registry.auth = TestRegistry.Auth.BEARER;
        registry.publish("it/features/hello", HELLO, List.of("1"));
        environment = Map.of("DEVCONTAINERS_OCI_AUTH", registry.host() + "|ci|s3cret");

        fetch(features(false, null), ":1");

        assertThat(registry.requests).startsWith("GET /v2/it/features/hello/manifests/1",
                "GET /token?service=test-registry&scope=repository%3Ait%2Ffeatures%2Fhello%3Apull Basic",
                "GET /v2/it/features/hello/manifests/1 Bearer");
        // the token is kept for the registry: the blob needs no second round
        assertThat(registry.requests.get(3)).startsWith("GET /v2/it/features/hello/blobs/").endsWith(" Bearer");
        assertThat(registry.requests).hasSize(4);

        // a public Feature: the token server gives anyone a token; a wrong login is refused, then asked anonymously
        registry.requests.clear();
        registry.anonymousTokens = true;
        registry.user = "someone-else";
        fetch(features(false, null), ":1");
        assertThat(console.warn()).containsExactly("The token server https://" + registry.host() + " refused the login ci from"
                + " DEVCONTAINERS_OCI_AUTH (HTTP 401); asking it anonymously, as the devcontainer CLI does");
    }

    @Test
    void aRefusedTokenLoginWithoutAnonymousAccessFails() throws Exception {
        registry.auth = TestRegistry.Auth.BEARER;
        registry.publish("it/features/hello", HELLO, List.of("1"));
        environment = Map.of("DEVCONTAINERS_OCI_AUTH", registry.host() + "|ci|wrong");
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessageContaining("the token server https://" + registry.host() + "/token of the registry " + registry.host()
                        + " answered HTTP 401: UNAUTHORIZED login required to an anonymous request");
    }

    @Test
    void anUnknownFeatureIsNamedWithTheRegistrysAnswer() throws Exception {
        assertThatThrownBy(() -> fetch(features(false, null), ":2"))
                .hasMessage("The Feature \"" + id(":2") + "\" cannot be fetched: the registry " + registry.host() + " does not"
                        + " have the manifest it/features/hello:2 (HTTP 404: MANIFEST_UNKNOWN manifest unknown): check the name"
                        + " and the tag or digest in devcontainer.json");
    }

    @Test
    void aRegistryWhereNothingListensIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OciReference ref = OciReference.parse("127.0.0.1:" + port + "/it/features/hello:1");
        assertThatThrownBy(() -> features(false, null).manifest(ref.resource() + ":1", ref))
                .hasMessageContaining("cannot be fetched: nothing answers at https://127.0.0.1:" + port + " (")
                .hasMessageNotContaining("ClosedChannelException")
                .hasMessageContaining("check the registry's name and port in devcontainer.json, and that the registry runs");
    }

    @Test
    void aRegistryHostWithoutAnAddressIsNamed() throws Exception {
        OciReference ref = OciReference.parse("registry.invalid/it/features/hello:1"); // RFC 2606: never resolves
        assertThatThrownBy(() -> features(false, null).manifest("registry.invalid/it/features/hello:1", ref))
                .hasMessage("The Feature \"registry.invalid/it/features/hello:1\" cannot be fetched: the host registry.invalid is"
                        + " unknown (no address for it): check the registry's name in devcontainer.json, and the network");
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefusedWithTheTrustStoreFix() throws Exception {
        registry.publish("it/features/hello", HELLO, List.of("1"));
        trust = SSLContext.getDefault();
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessageContaining("presented a TLS certificate this JVM does not accept")
                .hasMessageContaining("a copy of the JDK's lib/security/cacerts with the CA imported")
                .hasMessageContaining("-Djavax.net.ssl.trustStore=/path/to/truststore");
    }

    @Test
    void aSlowRegistryIsGivenUpOnAfterTheTimeout() throws Exception {
        registry.publish("it/features/hello", HELLO, List.of("1"));
        requestTimeout = Duration.ofSeconds(1);
        registry.blobOverride = exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestRegistry.send(exchange, 500, "late");
            return true;
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetch(features(false, null), ":1"))
                .hasMessageContaining("did not answer /v2/it/features/hello/blobs/")
                .hasMessageContaining("completely within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1450));
    }

    @Test
    void aRedirectToAnotherOriginGetsNoAuthorization() throws Exception {
        registry.auth = TestRegistry.Auth.BASIC;
        registry.publish("it/features/hello", HELLO, List.of("1"));
        servers = Map.of(registry.host(), RegistryCredentials.password("ci", "s3cret", "settings.xml"));
        try (TestRegistry storage = new TestRegistry()) {
            byte[] layer = TestRegistry.tar(Map.of("devcontainer-feature.json", HELLO, "install.sh", "#!/bin/sh\necho installed\n"));
            storage.publishLayer("storage", layer, null, List.of());
            String layerDigest = "sha256:" + io.github.dind.devcontainer.Sha256.hex(layer);
            registry.blobOverride = exchange -> {
                exchange.getResponseHeaders().add("Location", "https://" + storage.host() + "/v2/storage/blobs/" + layerDigest);
                TestRegistry.send(exchange, 307, "");
                return true;
            };

            Path folder = fetch(features(false, null), ":1");

            assertThat(folder.resolve("install.sh")).exists();
            assertThat(storage.requests).containsExactly("GET /v2/storage/blobs/" + layerDigest);
        }
    }
}
