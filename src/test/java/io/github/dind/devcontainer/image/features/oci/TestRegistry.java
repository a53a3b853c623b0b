package io.github.dind.devcontainer.image.features.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.dind.devcontainer.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small OCI registry over HTTPS in the test's JVM (com.sun.net.httpserver): manifests and blobs
 * under {@code /v2/<path>/}, answered anonymously, with Basic, or with Bearer tokens from its own
 * {@code /token} realm, as the distribution spec and its token flow describe. Its key and certificate
 * (for 127.0.0.1) come from the JDK's keytool, once per test run. It records each request it answers.
 */
final class TestRegistry implements AutoCloseable {
    enum Auth { NONE, BASIC, BEARER }

    private static final String PASSWORD = "changeit";
    private static Path keystore;

    private final HttpsServer server;
    private final Map<String, byte[]> manifests = new HashMap<>();
    private final Map<String, byte[]> blobs = new HashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    Auth auth = Auth.NONE;
    String user = "ci";
    String password = "s3cret";
    /** Bearer: the token server gives anonymous requests a token too (as ghcr.io does for public images). */
    boolean anonymousTokens;
    /** Replaces what a blob request answers with (tampering, redirects, slowness); null: the blob. */
    Function<HttpExchange, Boolean> blobOverride;

    TestRegistry() throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext("/v2/", this::registry);
        server.createContext("/token", this::token);
        server.start();
    }

    /** {@code 127.0.0.1:<port>}: the registry as a Feature reference names it. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** A TLS context that trusts this registry's certificate (and nothing else). */
    static SSLContext clientTrust() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static synchronized KeyStore keyStore() throws Exception {
        if (keystore == null) {
            Path dir = Files.createTempDirectory("test-registry-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("registry.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            file.toFile().deleteOnExit();
            keystore = file;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** The tar of a Feature's files, as {@code devcontainer features package} writes it ("./" entries); install.sh executable. */
    static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.putArchiveEntry(new TarArchiveEntry("./"));
            tar.closeArchiveEntry();
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("./" + file.getKey());
                entry.setSize(content.length);
                entry.setMode(file.getKey().endsWith(".sh") ? 0100755 : 0100644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Publishes a Feature under {@code path} with these tags, as devcontainer features publish does:
     * its layer, an empty config of media type application/vnd.devcontainers, a manifest with the
     * metadata annotation.
     *
     * @return the manifest's digest
     */
    String publish(String path, String featureJson, List<String> tags) throws IOException {
        byte[] layer = tar(Map.of("devcontainer-feature.json", featureJson, "install.sh", "#!/bin/sh\necho installed\n"));
        return publishLayer(path, layer, featureJson, tags);
    }

    String publishLayer(String path, byte[] layer, String featureJson, List<String> tags) {
        String layerDigest = "sha256:" + Sha256.hex(layer);
        blobs.put(path + "/" + layerDigest, layer);
        String annotation = featureJson == null ? "" : ",\"annotations\":{\"dev.containers.metadata\":"
                + quote(featureJson) + ",\"com.github.package.type\":\"devcontainer_feature\"}";
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.devcontainers\",\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.devcontainers.layer.v1+tar\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layer.length + "}]" + annotation + "}").getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + Sha256.hex(manifest);
        manifests.put(path + "/" + digest, manifest);
        tags.forEach(tag -> manifests.put(path + "/" + tag, manifest));
        return digest;
    }

    /** Makes a tag answer with other bytes (a republished Feature). */
    void retag(String path, String tag, String featureJson) throws IOException {
        publish(path, featureJson, List.of(tag));
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void registry(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/v2/".length());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add("GET " + exchange.getRequestURI().getPath() + (authorization == null ? "" : " " + authorization.split(" ")[0]));
        if (!authorized(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", auth == Auth.BASIC ? "Basic realm=\"test\""
                    : "Bearer realm=\"https://" + host() + "/token\",service=\"test-registry\",scope=\"repository:"
                    + path.substring(0, path.lastIndexOf('/', path.lastIndexOf('/') - 1)) + ":pull\"");
            send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
            return;
        }
        int manifestsAt = path.indexOf("/manifests/");
        int blobsAt = path.indexOf("/blobs/");
        if (manifestsAt > 0) {
            byte[] manifest = manifests.get(path.substring(0, manifestsAt) + "/" + path.substring(manifestsAt + "/manifests/".length()));
            if (manifest == null) {
                send(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                send(exchange, 200, manifest);
            }
        } else if (blobsAt > 0) {
            if (blobOverride != null && blobOverride.apply(exchange)) {
                return;
            }
            byte[] blob = blobs.get(path.substring(0, blobsAt) + "/" + path.substring(blobsAt + "/blobs/".length()));
            if (blob == null) {
                send(exchange, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}");
            } else {
                send(exchange, 200, blob);
            }
        } else {
            send(exchange, 404, "");
        }
    }

    private boolean authorized(String authorization) {
        return switch (auth) {
            case NONE -> true;
            case BASIC -> ("Basic " + base64(user + ":" + password)).equals(authorization);
            case BEARER -> ("Bearer token-for-" + user).equals(authorization) || anonymousTokens && "Bearer anonymous".equals(authorization);
        };
    }

    private void token(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add("GET /token?" + exchange.getRequestURI().getRawQuery() + (authorization == null ? "" : " " + authorization.split(" ")[0]));
        if (authorization == null) {
            if (anonymousTokens) {
                send(exchange, 200, "{\"token\":\"anonymous\"}");
            } else {
                send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"login required\"}]}");
            }
        } else if (("Basic " + base64(user + ":" + password)).equals(authorization)) {
            send(exchange, 200, "{\"access_token\":\"token-for-" + user + "\"}");
        } else {
            send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
        }
    }

    static void send(HttpExchange exchange, int status, String body) {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, byte[] body) {
        try {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
