package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.Setting;

import io.github.dind.devcontainer.Errors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientConfigDelegate;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Finds the Docker daemon the way the docker CLI does — {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY},
 * {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT} and the current context of
 * {@code ~/.docker/config.json}, through docker-java's {@link DefaultDockerClientConfig} — unless the
 * {@code dockerHost} parameter names one, then checks it answers and agrees on an API version.
 */
public final class DockerConnector {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;

    public DockerConnector() {
        this(System.getenv());
    }

    DockerConnector(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param dockerHost a daemon URI that overrides the environment, or null
     * @throws DockerUnavailableException saying where the plugin looked and how to point it elsewhere
     */
    public DockerConnection connect(String dockerHost) throws DockerUnavailableException {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null && !dockerHost.isBlank()) {
            builder.withDockerHost(dockerHost.strip());
        }
        DockerClientConfig config;
        try {
            config = builder.build();
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("The Docker configuration is not usable: " + Errors.rootMessage(e)
                    + ". " + HOW_TO_POINT_ELSEWHERE, e);
        }
        String where = where(dockerHost, config);
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(LocalSocketTls.forHost(config.getDockerHost(), config.getSSLConfig()))
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        Version version;
        try {
            version = DockerClientImpl.getInstance(config, http).versionCmd().exec();
        } catch (RuntimeException e) {
            throw new DockerUnavailableException("No Docker daemon answered at " + where + ": " + Errors.rootMessage(e)
                    + ". Start Docker there, or " + HOW_TO_POINT_ELSEWHERE, e);
        }
        RemoteApiVersion api = ApiVersions.choose(version.getApiVersion(), version.getMinAPIVersion());
        DockerClient client = DockerClientImpl.getInstance(new DockerClientConfigDelegate(config) {
            @Override
            public RemoteApiVersion getApiVersion() {
                return api;
            }
        }, http);
        return new DockerConnection(client, where, version.getVersion(),
                api == RemoteApiVersion.UNKNOWN_VERSION ? "unversioned" : api.getVersion());
    }

    static final String HOW_TO_POINT_ELSEWHERE = "point the plugin at a daemon with DOCKER_HOST, a Docker"
            + " context (docker context use NAME, or DOCKER_CONTEXT), or " + Setting.assign("dockerHost", "URI")
            + " (e.g. unix:///var/run/docker.sock or tcp://host:2376 with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH).";

    /** Where the configuration came from, for messages. */
    String where(String dockerHost, DockerClientConfig config) {
        String host = config.getDockerHost().toString();
        if (dockerHost != null && !dockerHost.isBlank()) {
            return host + " (from the dockerHost parameter)";
        }
        if (environment.get("DOCKER_HOST") != null) {
            return host + " (from DOCKER_HOST)";
        }
        String context = environment.get("DOCKER_CONTEXT");
        if (context == null && config instanceof DefaultDockerClientConfig defaults && defaults.getDockerConfig() != null) {
            context = defaults.getDockerConfig().getCurrentContext();
        }
        if (context != null && !context.isBlank() && !"default".equals(context)) {
            return host + " (from Docker context '" + context + "')";
        }
        return host + " (the default; DOCKER_HOST is not set)";
    }

}
