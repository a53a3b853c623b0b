package io.github.dind.devcontainer.docker;

import com.github.dockerjava.core.RemoteApiVersion;

/**
 * docker-java does not negotiate the API version the way the docker CLI does: a client pinned to a
 * version newer than the daemon's fails, and docker-java only knows versions up to its own newest.
 * So the plugin asks the daemon first (unversioned) and then speaks the newest version both sides
 * know.
 */
final class ApiVersions {
    /** The newest API version this docker-java release models. */
    static final RemoteApiVersion NEWEST_KNOWN = RemoteApiVersion.VERSION_1_44;

    private ApiVersions() {
    }

    /**
     * The version to pin for a daemon that reports {@code daemonVersion} (its newest) and
     * {@code daemonMinimum} (its oldest accepted), or {@link RemoteApiVersion#UNKNOWN_VERSION} — send
     * unversioned requests and let the daemon choose — when the two sides share no known version.
     */
    static RemoteApiVersion choose(String daemonVersion, String daemonMinimum) {
        RemoteApiVersion daemon = parse(daemonVersion);
        if (daemon == null) {
            return RemoteApiVersion.UNKNOWN_VERSION;
        }
        if (!daemon.isGreater(NEWEST_KNOWN)) {
            return daemon;
        }
        RemoteApiVersion minimum = parse(daemonMinimum);
        return minimum == null || !minimum.isGreater(NEWEST_KNOWN) ? NEWEST_KNOWN : RemoteApiVersion.UNKNOWN_VERSION;
    }

    private static RemoteApiVersion parse(String version) {
        if (version == null || !version.matches("\\d+\\.\\d+")) {
            return null;
        }
        String[] parts = version.split("\\.");
        return RemoteApiVersion.create(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
