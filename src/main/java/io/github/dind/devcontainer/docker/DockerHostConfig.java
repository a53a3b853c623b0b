package io.github.dind.devcontainer.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which daemon the docker CLI would talk to, read as it reads it — the {@code dockerHost}
 * parameter, else {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH},
 * {@code DOCKER_CONTEXT} and the current context of {@code ~/.docker/config.json}, through
 * docker-java's {@link DefaultDockerClientConfig} — and where each part came from, for messages.
 */
final class DockerHostConfig {
    private final Map<String, String> environment;

    DockerHostConfig(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param dockerHost the parameter, or null
     * @throws RuntimeException from docker-java when the configuration cannot be read
     */
    DockerClientConfig read(String dockerHost) {
        DefaultDockerClientConfig.Builder builder = configBuilder();
        if (dockerHost != null && !dockerHost.isBlank()) {
            builder.withDockerHost(encodeSocketPath(dockerHost.strip()));
        }
        return builder.build();
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
    static String address(URI uri) {
        String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
        return uri.getScheme() + "://" + authority + (uri.getPath() == null ? "" : uri.getPath());
    }
}
