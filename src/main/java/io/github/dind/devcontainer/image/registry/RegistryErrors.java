package io.github.dind.devcontainer.image.registry;

import io.github.dind.devcontainer.Setting;
import java.util.Locale;

/**
 * Turns a registry error the Docker daemon reports into a sentence that points at the fix. The
 * daemon's wording: moby {@code distribution/errors.go} and the distribution registry's
 * {@code registry/api/errcode} ({@code unauthorized}, {@code denied}), Go's net errors for an
 * unreachable host, and {@code http: server gave HTTP response to HTTPS client} for a plain-HTTP
 * registry the engine does not list under {@code insecure-registries}.
 */
public final class RegistryErrors {
    private RegistryErrors() {
    }

    /**
     * @param action e.g. {@code Pushing registry.example.com/team/app:1.0}
     * @param registry the registry host
     * @param credentials where the login came from, or null when none was found
     */
    public static String explain(String action, String registry, String daemonMessage, RegistryCredentials credentials) {
        String m = daemonMessage == null ? "" : daemonMessage.toLowerCase(Locale.ROOT);
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")
                || m.contains("no basic auth credentials") || m.contains("incorrect username or password")) {
            return action + " failed: the registry " + registry + " refused the authentication ("
                    + daemonMessage.strip() + "). " + (credentials == null
                    ? "No login for " + registry + " was found: add a <server> with <id>" + registry + "</id> to Maven's"
                    + " settings.xml, or run docker login " + registry + "."
                    : "The login came from " + credentials.source() + ": check the user name and password there, and"
                    + " that the user may push to this repository.");
        }
        if (m.contains("server gave http response to https client")) {
            return action + " failed: the registry " + registry + " speaks plain HTTP, and the Docker engine only talks"
                    + " HTTPS to it. Serve it over TLS, or add \"" + registry + "\" to \"insecure-registries\" in the"
                    + " engine's daemon.json and restart it (127.0.0.0/8 is trusted by default). (" + daemonMessage.strip() + ")";
        }
        if (m.contains("connection refused") || m.contains("no such host") || m.contains("i/o timeout")
                || m.contains("network is unreachable") || m.contains("no route to host")
                || m.contains("tls handshake timeout") || m.contains("server misbehaving")) {
            return action + " failed: the registry " + registry + " cannot be reached from the Docker engine ("
                    + daemonMessage.strip() + "). Check the host name and port in " + Setting.ref("imageName")
                    + ", and that the engine's host can reach it (proxy, firewall, VPN).";
        }
        return action + " failed: " + (daemonMessage == null ? "the daemon gave no reason" : daemonMessage.strip());
    }
}
