package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientConfigDelegate;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Finds the Docker daemon the way the docker CLI does — {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY},
 * {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT} and the current context of
 * {@code ~/.docker/config.json}, through docker-java's {@link DefaultDockerClientConfig} — unless the
 * {@code dockerHost} parameter names one, then checks it answers and agrees on an API version.
 *
 * <p>No call can hang: the first contact must answer within {@link #FIRST_CONTACT} and every later
 * response may fall silent for at most the caller's idle bound. {@code ssh://} hosts go through an
 * {@link SshRelay}; a Unix socket path with spaces or other characters a URI cannot hold is
 * percent-encoded, as the docker CLI accepts it raw.
 */
public final class DockerConnector {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the daemon has to answer the first request (version) once connected. */
    static final Duration FIRST_CONTACT = Duration.ofSeconds(10);

    static final String HOW_TO_POINT_ELSEWHERE = "point the plugin at a daemon with DOCKER_HOST, a Docker"
            + " context (docker context use NAME, or DOCKER_CONTEXT), or " + Setting.assign("dockerHost", "URI")
            + " (e.g. unix:///var/run/docker.sock, ssh://user@host, or tcp://host:2376 with DOCKER_TLS_VERIFY and"
            + " DOCKER_CERT_PATH).";

    private final Map<String, String> environment;
    private final HttpClients httpClients;

    /** Makes the transport for one daemon; the seam tests use to see every client closed. */
    @FunctionalInterface
    interface HttpClients {
        DockerHttpClient open(DockerClientConfig config, URI target, Duration responseTimeout);
    }

    public DockerConnector() {
        this(System.getenv());
    }

    DockerConnector(Map<String, String> environment) {
        this(environment, DockerConnector::http);
    }

    DockerConnector(Map<String, String> environment, HttpClients httpClients) {
        this.environment = environment;
        this.httpClients = httpClients;
    }

    /**
     * @param dockerHost a daemon URI that overrides the environment, or null
     * @param idleBound how long any response after the first may stay silent before the call fails
     *     (a build step that prints nothing for this long fails the build: give builds their timeout)
     * @throws DockerUnavailableException saying where the plugin looked and how to point it elsewhere;
     *     nothing stays open
     */
    public DockerConnection connect(String dockerHost, Duration idleBound) throws DockerUnavailableException {
        DockerClientConfig config;
        try {
            DefaultDockerClientConfig.Builder builder = configBuilder();
            if (dockerHost != null && !dockerHost.isBlank()) {
                builder.withDockerHost(encodeSocketPath(dockerHost.strip()));
            }
            config = builder.build();
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("The Docker configuration is not usable: " + Errors.rootMessage(e)
                    + ". " + HOW_TO_POINT_ELSEWHERE, e);
        }
        String where = where(dockerHost, config);
        SshRelay relay = null;
        URI target = config.getDockerHost();
        try {
            if ("ssh".equalsIgnoreCase(target.getScheme())) {
                relay = startRelay(target, where);
                target = relay.socketUri();
            } else if (!Set.of("unix", "tcp", "npipe", "http", "https").contains(String.valueOf(target.getScheme()))) {
                throw new DockerUnavailableException("The Docker host " + where + " has the scheme '" + target.getScheme()
                        + "', which the plugin cannot reach: use unix://, tcp:// or ssh://, or "
                        + HOW_TO_POINT_ELSEWHERE, null);
            }
            checkTlsFiles(config, where);
            Version version = probe(config, target, where, relay);
            RemoteApiVersion api = ApiVersions.choose(version.getApiVersion(), version.getMinAPIVersion());
            DockerHttpClient http = httpClients.open(config, target, idleBound);
            try {
                DockerClient client = DockerClientImpl.getInstance(new DockerClientConfigDelegate(config) {
                    @Override
                    public RemoteApiVersion getApiVersion() {
                        return api;
                    }
                }, http);
                return new DockerConnection(client, address(config.getDockerHost()), where, Engines.name(version),
                        version.getVersion(), api == RemoteApiVersion.UNKNOWN_VERSION ? "unversioned" : api.getVersion(),
                        relay);
            } catch (RuntimeException e) {
                closeQuietly(http, e);
                throw e;
            }
        } catch (DockerUnavailableException | RuntimeException e) {
            if (relay != null) {
                relay.close();
            }
            throw e;
        }
    }

    /**
     * docker-java's default configuration (properties, {@code ~/.docker-java.properties}, the
     * environment, the Docker context) read from this connector's environment, with
     * {@code DOCKER_HOST} made a valid URI first: {@link DefaultDockerClientConfig#createDefaultConfigBuilder()}
     * parses the process environment's {@code DOCKER_HOST} at once and throws on a socket path with
     * a space. Its variant that takes the environment is package-private (docker-java 3.7.1), so it is
     * called reflectively; should that fail, the public one is the fallback.
     */
    private DefaultDockerClientConfig.Builder configBuilder() {
        Map<String, String> env = new HashMap<>(environment);
        env.computeIfPresent("DOCKER_HOST", (name, value) -> encodeSocketPath(value.strip()));
        try {
            Method withEnvironment = DefaultDockerClientConfig.class.getDeclaredMethod("createDefaultConfigBuilder",
                    Map.class, Properties.class);
            withEnvironment.setAccessible(true);
            return (DefaultDockerClientConfig.Builder) withEnvironment.invoke(null, env, System.getProperties());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return DefaultDockerClientConfig.createDefaultConfigBuilder();
        }
    }

    private static SshRelay startRelay(URI target, String where) throws DockerUnavailableException {
        try {
            return SshRelay.start(target);
        } catch (IllegalArgumentException e) {
            throw new DockerUnavailableException("The Docker host " + where + " " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new DockerUnavailableException("Cannot set up the ssh connection to " + where + ": "
                    + Errors.rootMessage(e) + ". " + sshWorkaround(target), e);
        }
    }

    private static void closeQuietly(DockerHttpClient http, Exception failure) {
        try {
            http.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * With TLS on, the docker CLI refuses to start when ca.pem, cert.pem or key.pem is missing;
     * docker-java would silently speak plain HTTP instead. Say which file is missing and who named the folder.
     */
    private void checkTlsFiles(DockerClientConfig config, String where) throws DockerUnavailableException {
        if (!(config.getSSLConfig() instanceof LocalDirectorySSLConfig local)) {
            return;
        }
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!Files.isRegularFile(Path.of(local.getDockerCertPath(), file))) {
                throw new DockerUnavailableException("TLS is on for the Docker host " + where + ", but "
                        + file + " is missing in " + tlsMaterial(config) + ": put the daemon's CA (ca.pem) and a client"
                        + " certificate and key it signed (cert.pem, key.pem) there, or " + HOW_TO_POINT_ELSEWHERE, null);
            }
        }
    }

    /** Asks the daemon its version on a client of its own, bounded, and always closes that client. */
    private Version probe(DockerClientConfig config, URI target, String where, SshRelay relay)
            throws DockerUnavailableException {
        try (DockerHttpClient http = httpClients.open(config, target, FIRST_CONTACT)) {
            return DockerClientImpl.getInstance(config, http).versionCmd().exec();
        } catch (IOException | RuntimeException e) {
            Optional<String> tls = config.getSSLConfig() == null ? TlsFailure.explainPlain(e, where)
                    : TlsFailure.explain(e, where, tlsMaterial(config));
            if (tls.isPresent()) {
                throw new DockerUnavailableException(tls.get(), e);
            }
            String reason = Errors.timedOut(e)
                    ? "it did not answer within " + FIRST_CONTACT.toSeconds() + " s"
                    : Errors.rootMessage(e);
            String ssh = relay == null || relay.stderrTail().isEmpty() ? ""
                    : " ssh said: " + String.join(" | ", relay.stderrTail()) + ". " + sshWorkaround(config.getDockerHost());
            throw new DockerUnavailableException("No Docker daemon answered at " + where + ": " + reason + "." + ssh
                    + " Start Docker there, or " + HOW_TO_POINT_ELSEWHERE, e);
        }
    }

    static DockerHttpClient http(DockerClientConfig config, URI target, Duration responseTimeout) {
        return new BoundedHttpClient(new ZerodepDockerHttpClient.Builder()
                .dockerHost(target)
                .sslConfig(LocalSocketTls.forHost(target, config.getSSLConfig()))
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build(), responseTimeout);
    }

    private static String sshWorkaround(URI sshHost) {
        String remote = (sshHost.getUserInfo() == null ? "" : sshHost.getUserInfo() + "@") + sshHost.getHost();
        return "If ssh cannot be used from Maven, forward the remote socket yourself: ssh -nNT -L"
                + " /tmp/remote-docker.sock:/var/run/docker.sock " + remote
                + (sshHost.getPort() > 0 ? " -p " + sshHost.getPort() : "")
                + " and set DOCKER_HOST=unix:///tmp/remote-docker.sock";
    }

    /**
     * A {@code unix://} host as a URI can hold it: characters a URI path may not contain (space,
     * non-ASCII, %, #, ?) percent-encoded, so {@code unix:///tmp/has space/docker.sock} — which the
     * docker CLI accepts — reaches docker-java, which decodes the path again. Other hosts are unchanged.
     */
    static String encodeSocketPath(String host) {
        if (!host.regionMatches(true, 0, "unix://", 0, 7)) {
            return host;
        }
        String path = host.substring(7);
        StringBuilder out = new StringBuilder("unix://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"%<>\\^`{|}#? ".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * The directory the TLS material (ca.pem, cert.pem, key.pem) was read from and what named it, for
     * messages: {@code /certs (from DOCKER_CERT_PATH)}; null when the configuration has none.
     */
    String tlsMaterial(DockerClientConfig config) {
        if (!(config.getSSLConfig() instanceof LocalDirectorySSLConfig local)) {
            return config.getSSLConfig() == null ? null : "a TLS configuration given to docker-java";
        }
        String path = local.getDockerCertPath();
        if (environment.get("DOCKER_CERT_PATH") != null) {
            return path + " (from DOCKER_CERT_PATH)";
        }
        String context = currentContext(config);
        if (context != null && path.replace('\\', '/').contains("/contexts/tls/")) {
            return path + " (from Docker context '" + context + "')";
        }
        return path + " (from docker-java's DOCKER_CERT_PATH setting: ~/.docker-java.properties or a system property)";
    }

    /** The Docker context in use, as the docker CLI picks it, or null for the default one. */
    private String currentContext(DockerClientConfig config) {
        String context = environment.get("DOCKER_CONTEXT");
        if (context == null && config instanceof DefaultDockerClientConfig defaults && defaults.getDockerConfig() != null) {
            context = defaults.getDockerConfig().getCurrentContext();
        }
        return context == null || context.isBlank() || "default".equals(context) ? null : context;
    }

    /** Where the configuration came from, for messages. */
    String where(String dockerHost, DockerClientConfig config) {
        String host = address(config.getDockerHost());
        if (dockerHost != null && !dockerHost.isBlank()) {
            return host + " (from the dockerHost parameter)";
        }
        if (environment.get("DOCKER_HOST") != null) {
            return host + " (from DOCKER_HOST)";
        }
        String context = currentContext(config);
        if (context != null) {
            return host + " (from Docker context '" + context + "')";
        }
        return host + " (the default; DOCKER_HOST is not set)";
    }

    /** The host as a user wrote it: scheme, authority and the decoded path. */
    private static String address(URI uri) {
        String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
        return uri.getScheme() + "://" + authority + (uri.getPath() == null ? "" : uri.getPath());
    }
}
