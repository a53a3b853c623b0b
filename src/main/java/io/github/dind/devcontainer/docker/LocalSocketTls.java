package io.github.dind.devcontainer.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * The zerodep transport builds the JVM's default TLS context (the whole JSSE provider and the
 * system trust store, about 0.14 s here) whenever it is given no TLS configuration, even for a Unix
 * socket or a named pipe, which never use TLS. For those, this hands it a placeholder context
 * instead: it is only ever consulted for an {@code https} route, which a socket-file host never has.
 */
final class LocalSocketTls {
    private LocalSocketTls() {
    }

    /** The configuration to give the transport: the given one, or the placeholder for a local socket. */
    static SSLConfig forHost(URI dockerHost, SSLConfig configured) {
        if (configured != null || !isLocalSocket(dockerHost)) {
            return configured;
        }
        return () -> new UnusedContext();
    }

    static boolean isLocalSocket(URI dockerHost) {
        return "unix".equalsIgnoreCase(dockerHost.getScheme()) || "npipe".equalsIgnoreCase(dockerHost.getScheme());
    }

    /** A context without an implementation: any use of it would fail, and nothing uses it. */
    private static final class UnusedContext extends SSLContext {
        UnusedContext() {
            super(null, null, "unused: the Docker host is a local socket");
        }
    }
}
