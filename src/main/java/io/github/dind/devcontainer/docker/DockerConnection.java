package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/** A client talking to a daemon that answered, with what the daemon said about itself. */
public final class DockerConnection implements AutoCloseable {
    private final DockerClient client;
    private final String where;
    private final String engine;
    private final String serverVersion;
    private final String apiVersion;
    private final SshRelay relay;
    private final String address;
    private final EngineQueries queries;

    DockerConnection(DockerClient client, EngineQueries queries, String address, String where, String engine,
            String serverVersion, String apiVersion, SshRelay relay) {
        this.client = client;
        this.queries = queries;
        this.engine = engine;
        this.address = address;
        this.where = where;
        this.serverVersion = serverVersion;
        this.apiVersion = apiVersion;
        this.relay = relay;
    }

    public DockerClient client() {
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
            client.close();
        } catch (IOException ignored) {
            // nothing left to do with a client that cannot close
        } finally {
            if (relay != null) {
                relay.close();
            }
        }
    }
}
