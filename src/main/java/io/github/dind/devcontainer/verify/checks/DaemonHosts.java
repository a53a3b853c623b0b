package io.github.dind.devcontainer.verify.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API hosts dockerd was told to listen on, and where: {@code -H}/{@code --host} on its command
 * line, or {@code "hosts"} in its configuration file (dockerd refuses a setting given both ways).
 * Docker docs, "dockerd" reference: "Daemon socket option" ({@code -H tcp://0.0.0.0:2375},
 * {@code fd://}, {@code unix://}) and "Daemon configuration file" ({@code --config-file}, by default
 * {@code /etc/docker/daemon.json} on Linux). They name listeners for messages; which listeners exist
 * is the kernel's to say ({@link DockerdSockets}).
 *
 * @param hosts as written ({@code tcp://0.0.0.0:2375})
 * @param source where they are written, for a message: {@code -H on dockerd's command line} or
 *     {@code "hosts" in /etc/docker/daemon.json}; empty when nothing names a host (dockerd's default,
 *     {@code unix:///var/run/docker.sock})
 */
record DaemonHosts(List<String> hosts, String source) {
    /** dockerd's configuration file when {@code --config-file} does not name another. */
    static final String DEFAULT_CONFIG_FILE = "/etc/docker/daemon.json";
    /** moby's default ports for a {@code tcp://} host without one: plain, and with TLS (opts/hosts.go). */
    private static final List<Integer> DEFAULT_PORTS = List.of(2375, 2376);

    static DaemonHosts none() {
        return new DaemonHosts(List.of(), "");
    }

    /** The configuration file dockerd reads: {@code --config-file PATH} or {@code --config-file=PATH}, else the default. */
    static String configFile(List<String> argv) {
        return flagValues(argv, null, "--config-file").stream().reduce((first, last) -> last).orElse(DEFAULT_CONFIG_FILE);
    }

    /** The hosts on a command line: {@code -H X}, {@code -HX}, {@code -H=X}, {@code --host X}, {@code --host=X}. */
    static DaemonHosts fromArguments(List<String> argv) {
        List<String> hosts = flagValues(argv, "-H", "--host");
        return hosts.isEmpty() ? none() : new DaemonHosts(hosts, "-H on dockerd's command line");
    }

    /**
     * The {@code "hosts"} of a configuration file's text.
     *
     * @throws JsonProcessingException when the text is not JSON (dockerd would not have started)
     */
    static DaemonHosts fromConfig(String json, String file) throws JsonProcessingException {
        JsonNode hosts = new ObjectMapper().readTree(json).path("hosts");
        List<String> values = new ArrayList<>();
        hosts.forEach(h -> values.add(h.asText()));
        return values.isEmpty() ? none() : new DaemonHosts(List.copyOf(values), "\"hosts\" in " + file);
    }

    /**
     * The host that a TCP listener serves: a {@code tcp://} host with its port — by port, as the
     * kernel shows {@code tcp://0.0.0.0:2375} as {@code [::]:2375} (Go listens on a dual-stack
     * socket) and a name as its address — or with no port and the listener on 2375 or 2376; any
     * listener for {@code fd://} (sockets systemd hands over may be TCP ones).
     */
    Optional<String> hostFor(TcpListener listener) {
        for (String host : hosts) {
            if (host.startsWith("fd://")) {
                return Optional.of(host);
            }
            if (!host.startsWith("tcp://")) {
                continue;
            }
            String authority = host.substring("tcp://".length()).split("/", 2)[0];
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon >= 0 && colon > authority.lastIndexOf(']');
            if (hasPort ? authority.substring(colon + 1).equals(Integer.toString(listener.port()))
                    : DEFAULT_PORTS.contains(listener.port())) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }

    /** The values of a flag in pflag's forms; {@code shortName} may be null. Arguments after {@code --} are not flags. */
    private static List<String> flagValues(List<String> argv, String shortName, String longName) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(longName) || arg.equals(shortName)) {
                if (i + 1 < argv.size()) {
                    values.add(argv.get(++i));
                }
            } else if (arg.startsWith(longName + "=")) {
                values.add(arg.substring(longName.length() + 1));
            } else if (shortName != null && arg.startsWith(shortName) && !arg.startsWith("--")) {
                String rest = arg.substring(shortName.length());
                values.add(rest.startsWith("=") ? rest.substring(1) : rest);
            }
        }
        return values;
    }
}
