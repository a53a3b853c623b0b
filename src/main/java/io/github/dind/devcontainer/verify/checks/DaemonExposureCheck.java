package io.github.dind.devcontainer.verify.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import io.github.dind.devcontainer.verify.checks.ApiProbe.Outcome;
import io.github.dind.devcontainer.verify.checks.DockerdSockets.Dockerd;
import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import io.github.dind.devcontainer.verify.checks.ProcNet.UnixListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Only the devcontainer reaches the inner daemon. The Docker API is root on the devcontainer, with
 * no login of its own (Docker docs, "Protect the Docker daemon socket"); a copied
 * {@code "hosts": ["tcp://0.0.0.0:2375"]} hands it to everyone on the devcontainer's network. Read
 * from the kernel, not from configuration ({@link DockerdSockets}): every socket dockerd listens on.
 * <ul>
 *   <li>{@code /var/run/docker.sock} is one of them, owned by root, group {@code docker}, mode 0660:
 *       root and the docker group only (the README's promise; a non-root remoteUser is in the group).
 *   <li>No other Unix socket of dockerd is world-writable or abstract (no file mode guards those).
 *   <li>No TCP listener of dockerd answers the Docker API without a client certificate: each is asked
 *       from inside ({@link ApiProbe}). A listener among dockerd's configured hosts must also be
 *       seen to turn such a client away; a listener that is not (a port dockerd 28+ publishes for an
 *       inner container without docker-proxy) only must not answer.
 * </ul>
 * A failure starts with the host as configured ({@code tcp://0.0.0.0:2375}), where it is configured,
 * who reaches it and the fix (the report's one-line form keeps 300 characters); every listener, at
 * the kernel's address, follows in parentheses.
 */
final class DaemonExposureCheck extends AbstractCheck {
    static final String ID = "daemon-exposure";
    /** The socket clients and Testcontainers' bind mount expect, dockerd's default. */
    static final String SOCKET = "/var/run/docker.sock";
    static final int SOCKET_MODE = 0660;
    static final String SOCKET_GROUP = "docker";
    /** Docker docs, "Protect the Docker daemon socket" (dockerd's own warning links it so). */
    private static final String API_SECURITY = "https://docs.docker.com/go/api-security/";

    DaemonExposureCheck(Duration timeout) {
        super(ID, "only the devcontainer reaches dockerd", Set.of(RunningCheck.ID, DockerInfoCheck.ID), timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult read = container.exec(timeout, "/bin/sh", "-c", DockerdSockets.SCRIPT);
        if (!read.succeeded()) {
            return Observation.fail("could not read dockerd's sockets: exit code " + read.exitCode() + ": " + read.output());
        }
        DockerdSockets sockets = DockerdSockets.parse(read.stdout());
        if (sockets.dockerds().isEmpty()) {
            return Observation.fail("no dockerd process runs");
        }
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        unixSockets(container, sockets.unix(), problems, seen);
        if (sockets.tcp().isEmpty()) {
            seen.add("no TCP port");
        } else {
            tcpListeners(container, sockets, problems, seen);
        }
        String who = sockets.dockerds().stream().map(Dockerd::describe).collect(Collectors.joining(", "));
        String listens = who + " listens on " + String.join(", ", seen);
        return problems.isEmpty() ? Observation.pass(listens)
                : Observation.fail(String.join("; ", problems) + " (" + listens + ")");
    }

    /** The socket at {@link #SOCKET}, and every other Unix listener: none world-writable or abstract. */
    private void unixSockets(Container container, List<UnixListener> listeners, List<String> problems, List<String> seen) {
        Set<String> paths = new LinkedHashSet<>(List.of(SOCKET));
        listeners.stream().map(UnixListener::path).filter(p -> !p.isEmpty() && !p.startsWith("@")).forEach(paths::add);
        List<String> command = new ArrayList<>(List.of("stat", "-c", SocketFile.FORMAT, "--"));
        command.addAll(paths);
        ExecResult stat = container.exec(timeout, command.toArray(String[]::new));
        if (stat.exitCode() == 126 || stat.exitCode() == 127) {
            problems.add("could not look at dockerd's socket files: " + stat.output());
            return;
        }
        // a path that is gone prints nothing and makes the exit code 1: the others are still printed
        Map<String, SocketFile> files = SocketFile.parseAll(stat.stdout()).stream()
                .collect(Collectors.toMap(SocketFile::path, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        SocketFile socket = files.get(SOCKET);
        boolean listened = false;
        for (UnixListener listener : listeners) {
            SocketFile file = files.get(listener.path());
            if (listener.isAbstract()) {
                problems.add("dockerd listens on the abstract Unix socket " + listener.path() + ", which no file mode guards:"
                        + " every process in the devcontainer's network namespace reaches it; listen on a socket file instead");
                seen.add("unix " + listener.path() + " (abstract)");
            } else if (listener.path().isEmpty()) {
                continue;
            } else if (file == null) {
                seen.add("unix " + listener.path() + " (its file is gone)");
            } else if (socket != null && file.id().equals(socket.id())) {
                listened = true;
                seen.add(0, "unix " + file.path() + " " + file.describe());
            } else {
                seen.add("unix " + file.path() + " " + file.describe());
                if (file.worldWritable()) {
                    problems.add("dockerd listens on " + file.path() + ", " + file.describe() + ", which every user may write to"
                            + " and so connect to; its owner should be the only one allowed in (chmod o-w, or create it so)");
                }
            }
        }
        if (socket == null) {
            problems.add(SOCKET + " does not exist: clients, and the bind mount Testcontainers makes, expect dockerd there;"
                    + " keep unix://" + SOCKET + " among dockerd's hosts");
        } else if (!listened) {
            problems.add(SOCKET + " (" + socket.describe() + ") is not a socket dockerd listens on: clients, and the bind"
                    + " mount Testcontainers makes, expect dockerd there; keep unix://" + SOCKET + " among dockerd's hosts");
        } else if (socket.mode() != SOCKET_MODE || socket.uid() != 0 || !socket.group().equals(SOCKET_GROUP)) {
            problems.add(SOCKET + " is " + socket.describe() + ", not 0660 root:docker (root and the docker group, which a"
                    + " non-root remoteUser is in): dockerd makes it so when the docker group exists as it starts (the"
                    + " generated Dockerfile creates it) and no -G/--group or \"group\" in daemon.json names another");
        }
    }

    /** Each TCP listener asked for the API without a certificate; configured hosts named. */
    private void tcpListeners(Container container, DockerdSockets sockets, List<String> problems, List<String> seen) {
        DaemonHosts hosts = hosts(container, sockets.dockerds().get(0));
        Set<String> targets = sockets.tcp().stream().map(TcpListener::probeTarget).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", ApiProbe.SCRIPT, "devcontainer-verify"));
        command.addAll(targets);
        Duration bound = ApiProbe.ATTEMPT.multipliedBy(2L * targets.size()).plusSeconds(5);
        ExecResult probe = container.exec(bound.compareTo(timeout) > 0 ? bound : timeout, command.toArray(String[]::new));
        Map<String, Outcome> outcomes = ApiProbe.parse(probe.stdout());
        for (TcpListener listener : sockets.tcp()) {
            Optional<String> host = hosts.hostFor(listener);
            String name = host.map(h -> h + " (" + hosts.source() + "; the kernel: " + listener.endpoint() + ")")
                    .orElse(listener.endpoint());
            Outcome outcome = outcomes.get(listener.probeTarget());
            if (outcome == null) {
                problems.add("could not ask " + name + " for the Docker API: " + probe.output());
                seen.add("tcp " + listener.endpoint());
            } else if (outcome.exposedBy().isPresent()) {
                ApiProbe.Attempt attempt = outcome.exposedBy().get();
                problems.add(host.map(h -> h + " (" + hosts.source() + ")").orElse("tcp " + listener.endpoint())
                        + " serves the Docker API without a client certificate, over "
                        + (attempt.scheme().equals("http") ? "plain HTTP" : "TLS") + ": " + reach(listener)
                        + " gets root. Remove that host, or require client certificates (\"tlsverify\": true; " + API_SECURITY + ")");
                seen.add("tcp " + listener.endpoint() + " (the Docker API " + attempt.apiVersion() + " without a certificate)");
            } else if (host.isPresent() && !outcome.refused()) {
                problems.add("could not tell whether " + name + " turns away a client without a certificate, as it must"
                        + " (\"tlsverify\": true; " + API_SECURITY + "); from inside: " + outcome.summary());
                seen.add("tcp " + listener.endpoint());
            } else if (host.isPresent()) {
                seen.add("tcp " + listener.endpoint() + " (" + host.get() + ", turns away a client without a certificate: "
                        + outcome.summary() + ")");
            } else {
                seen.add("tcp " + listener.endpoint() + " (not one of dockerd's hosts, no Docker API there: a port published"
                        + " for an inner container)");
            }
        }
    }

    /**
     * dockerd's configured hosts: its command line's, else its configuration file's; none when that
     * file is missing, or no longer JSON (edited since dockerd read it): then no listener is named.
     */
    private DaemonHosts hosts(Container container, Dockerd dockerd) {
        DaemonHosts fromArguments = DaemonHosts.fromArguments(dockerd.argv());
        if (!fromArguments.hosts().isEmpty()) {
            return fromArguments;
        }
        String file = DaemonHosts.configFile(dockerd.argv());
        ExecResult config = container.exec(timeout, "cat", "--", file);
        if (!config.succeeded()) {
            return DaemonHosts.none();
        }
        try {
            return DaemonHosts.fromConfig(config.stdout(), file);
        } catch (JsonProcessingException e) {
            return DaemonHosts.none();
        }
    }

    /** Who reaches a listener on its address. */
    private static String reach(TcpListener listener) {
        if (listener.wildcard()) {
            return "anyone on the devcontainer's network";
        }
        if (listener.address().startsWith("127.") || listener.address().equals("::1")) {
            return "every local process and any port forward (VS Code's)";
        }
        return "anyone who reaches " + listener.address();
    }
}
