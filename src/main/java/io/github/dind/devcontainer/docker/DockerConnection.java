package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.function.Supplier;

/** A client talking to a daemon that answered, with what the daemon said about itself. */
public final class DockerConnection implements AutoCloseable {
    private final Supplier<DockerClient> clientFactory;
    private final DockerHttpClient http;
    private DockerClient client;
    private final String where;
    private final String engine;
    private final String serverVersion;
    private final String apiVersion;
    private final SshRelay relay;
    private final String address;
    private final EngineQueries queries;

    /**
     * @param clientFactory makes docker-java's typed client on {@code http}, on first use: the calls
     *     answered as JSON trees ({@link #queries()}) never need it
     */
    DockerConnection(Supplier<DockerClient> clientFactory, DockerHttpClient http, EngineQueries queries, String address,
            String where, String engine, String serverVersion, String apiVersion, SshRelay relay) {
        this.clientFactory = clientFactory;
        this.http = http;
        this.queries = queries;
        this.engine = engine;
        this.address = address;
        this.where = where;
        this.serverVersion = serverVersion;
        this.apiVersion = apiVersion;
        this.relay = relay;
    }

    /** docker-java's client on this connection, made on the first call. */
    public synchronized DockerClient client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    /** The same connection, for the read-only calls answered as JSON trees. */
    EngineQueries queries() {
        return queries;
    }

    /** The daemon's address as the docker CLI names it: {@code unix:///var/run/docker.sock}, {@code ssh://dev@host}. */
    public String address() {
        return address;
    }

    /** The daemon's address and where it came from: {@code unix:///var/run/docker.sock (from DOCKER_HOST)}. */
    public String where() {
        return where;
    }

    /** The engine's product name: {@code Docker} or {@code Podman} (see {@link Engines#name}). */
    public String engine() {
        return engine;
    }

    /** For the log: {@code Docker 20.10.24 (API 1.41) at ...}, {@code Podman 4.3.1 (API 1.41) at ...}. */
    public String describe() {
        return engine + " " + serverVersion + " (API " + apiVersion + ") at " + where;
    }

    @Override
    public void close() {
        try {
            DockerClient made;
            synchronized (this) {
                made = client;
            }
            if (made != null) {
                made.close();
            } else {
                http.close();
            }
        } catch (IOException ignored) {
            // nothing left to do with a client that cannot close
        } finally {
            if (relay != null) {
                relay.close();
            }
        }
    }
}
