package io.github.dind.devcontainer.docker;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Docker daemon the way the docker CLI does — {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY},
 * {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT} and the current context of
 * {@code ~/.docker/config.json}, through docker-java's {@link DefaultDockerClientConfig} — unless the
 * {@code dockerHost} parameter names one, then checks it answers and agrees on an API version.
 *
 * <p>No call can hang: the first contact must answer within {@link #FIRST_CONTACT} and every later
 * response may fall silent for at most the caller's idle bound. {@code ssh://} hosts go through an
 * {@link SshRelay}, which cannot work on Windows: there they fail at once with a message naming what
 * does ({@link #sshOnWindows}); a Unix socket path with spaces or other characters a URI cannot hold is
 * percent-encoded, as the docker CLI accepts it raw.
 *
 * <p>Its length is the ways the docker CLI reaches a daemon (unix socket, TCP with TLS, ssh,
 * contexts), each with the check that turns its failure into a message naming the fix.
 */
public final class DockerConnector {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the daemon has to answer the first request (version) once connected. */
    static final Duration FIRST_CONTACT = Duration.ofSeconds(10);

    static final String HOW_TO_POINT_ELSEWHERE = "point the plugin at a daemon with DOCKER_HOST, a Docker"
            + " context (docker context use NAME, or DOCKER_CONTEXT), or " + Setting.assign("dockerHost", "URI")
            + " (e.g. unix:///var/run/docker.sock, ssh://user@host, or tcp://host:2376 with DOCKER_TLS_VERIFY and"
            + " DOCKER_CERT_PATH).";

    private final DockerHostConfig hostConfig;
    private final HttpClients httpClients;
    private final boolean windows;

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
        this(environment, httpClients, System.getProperty("os.name"));
    }

    /** @param osName the {@code os.name} system property of the JVM the connector decides for */
    DockerConnector(Map<String, String> environment, HttpClients httpClients, String osName) {
        this.hostConfig = new DockerHostConfig(environment);
        this.httpClients = httpClients;
        this.windows = osName != null && osName.regionMatches(true, 0, "Windows", 0, 7);
    }

    /**
     * @param dockerHost a daemon URI that overrides the environment, or null
     * @param idleBound how long any response after the first may stay silent before the call fails
     *     (a build step that prints nothing for this long fails the build: give builds their timeout)
     * @throws DockerUnavailableException saying where the plugin looked and how to point it elsewhere;
     *     on Windows, for an {@code ssh://} host, saying that the plugin cannot reach one from there and
     *     what to use instead (before any ssh runs); nothing stays open
     */
    public DockerConnection connect(String dockerHost, Duration idleBound) throws DockerUnavailableException {
        DockerClientConfig config;
        try {
            config = hostConfig.read(dockerHost);
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("The Docker configuration is not usable: " + Errors.rootMessage(e)
                    + ". " + HOW_TO_POINT_ELSEWHERE, e);
        }
        String where = hostConfig.where(dockerHost, config);
        SshRelay relay = null;
        URI target = config.getDockerHost();
        try {
            if ("ssh".equalsIgnoreCase(target.getScheme())) {
                if (windows) {
                    throw new DockerUnavailableException(sshOnWindows(target, where), null);
                }
                relay = startRelay(target, where);
                target = relay.socketUri();
            } else if (!Set.of("unix", "tcp", "npipe", "http", "https").contains(String.valueOf(target.getScheme()))) {
                throw new DockerUnavailableException("The Docker host " + where + " has the scheme '" + target.getScheme()
                        + "', which the plugin cannot reach: use unix://, tcp:// or ssh://, or "
                        + HOW_TO_POINT_ELSEWHERE, null);
            }
            checkTlsFiles(config, where);
            JsonNode version = probe(config, target, where, relay);
            RemoteApiVersion api = ApiVersions.choose(version.path("ApiVersion").asText(null),
                    version.path("MinAPIVersion").asText(null));
            DockerHttpClient http = httpClients.open(config, target, idleBound);
            try {
                DockerClientConfig negotiated = new DockerClientConfigDelegate(config) {
                    @Override
                    public RemoteApiVersion getApiVersion() {
                        return api;
                    }
                };
                boolean versioned = api != RemoteApiVersion.UNKNOWN_VERSION;
                return new DockerConnection(() -> DockerClientImpl.getInstance(negotiated, http), http,
                        new EngineQueries(http, versioned ? api.getVersion() : null),
                        DockerHostConfig.address(config.getDockerHost()), where, Engines.name(version),
                        version.path("Version").asText(null), versioned ? api.getVersion() : "unversioned", relay);
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
     * Why {@code ssh://} fails on Windows, and what works there. The relay serves docker-java a Unix
     * socket, and docker-java 3.7.1 opens one by the path of its URI: on Windows that is
     * {@code /C:/...}, which the JDK's Unix-domain socket address refuses as a path, and its
     * fallback, native sockets through JNA, exists for Linux and macOS/BSD only. A TCP port is what
     * docker-java reaches on Windows besides named pipes.
     */
    static String sshOnWindows(URI sshHost, String where) {
        String remote = (sshHost.getUserInfo() == null ? "" : sshHost.getUserInfo() + "@") + sshHost.getHost();
        return "The Docker host " + where + " cannot be used on Windows: the plugin reaches ssh:// hosts through a"
                + " Unix socket of its own, which docker-java (its Docker client) cannot open on Windows. Forward the"
                + " daemon to a local port yourself instead: ssh -nNT -L localhost:23750:/var/run/docker.sock"
                + (sshHost.getPort() > 0 ? " -p " + sshHost.getPort() : "") + " " + remote
                + ", and set DOCKER_HOST=tcp://localhost:23750 (while the tunnel is up, every user and program on"
                + " this machine can reach that port, and through it the daemon: do this only on a machine no one else uses);"
                + " or have the daemon listen on TCP with TLS and set DOCKER_HOST=tcp://HOST:2376 with"
                + " DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH.";
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
                        + file + " is missing in " + hostConfig.tlsMaterial(config) + ": put the daemon's CA (ca.pem) and a client"
                        + " certificate and key it signed (cert.pem, key.pem) there, or " + HOW_TO_POINT_ELSEWHERE, null);
            }
        }
    }

    /**
     * Asks the daemon its version ({@code GET /version}) on a client of its own, bounded, and always
     * closes that client. The answer is read as a JSON tree: docker-java's typed client is made only
     * when a goal first needs it.
     */
    private JsonNode probe(DockerClientConfig config, URI target, String where, SshRelay relay)
            throws DockerUnavailableException {
        JsonNode version;
        try (DockerHttpClient http = httpClients.open(config, target, FIRST_CONTACT)) {
            version = new EngineQueries(http, null).get("/version");
        } catch (IOException | RuntimeException e) {
            Optional<String> tls = config.getSSLConfig() == null ? TlsFailure.explainPlain(e, where)
                    : TlsFailure.explain(e, where, hostConfig.tlsMaterial(config));
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
        if (version == null) {
            throw new DockerUnavailableException("What answers at " + where + " is not the Docker Engine API"
                    + " (GET /version: 404 Not Found). Point the plugin at a Docker daemon: "
                    + HOW_TO_POINT_ELSEWHERE, null);
        }
        return version;
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

}
