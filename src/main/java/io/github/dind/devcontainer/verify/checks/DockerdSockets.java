package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import io.github.dind.devcontainer.verify.checks.ProcNet.UnixListener;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every dockerd process in the container, its command line, and the sockets it listens on, as the
 * kernel sees them: the listening sockets of dockerd's network namespace ({@link ProcNet}) whose
 * inodes are among dockerd's open files. Whatever configured them — {@code -H}, {@code hosts} in
 * daemon.json, a socket handed over by systemd ({@code fd://}) — a listener dockerd holds shows here.
 * From Docker 28 on, dockerd binds and listens on the ports it publishes for its containers itself
 * (moby's bridge driver, {@code port_mapping_linux.go}, before it sets up the firewall rules); with
 * docker-proxy it hands them over and closes its own (measured on 28.5), with the userland proxy off
 * it keeps them: then those are dockerd's TCP listeners too.
 */
record DockerdSockets(List<Dockerd> dockerds, List<TcpListener> tcp, List<UnixListener> unix) {
    /**
     * One read, with busybox or GNU tools: for each process whose {@code /proc/<pid>/stat} names
     * dockerd, its arguments (one a line) and {@code ls -l} of its fd folder (which shows a socket as
     * {@code -> socket:[INODE]}); then the TCP and Unix tables of the last one's network namespace,
     * and {@code uname -m} (the tables print addresses in the machine's byte order).
     */
    static final String SCRIPT = String.join("\n",
            "pid=",
            "for stat in /proc/[0-9]*/stat; do",
            "  { read -r line <\"$stat\"; } 2>/dev/null || continue",
            "  case $line in",
            "    *' (dockerd) '*)",
            "      pid=${line%% *}",
            "      echo \"== dockerd $pid\"",
            "      tr '\\0' '\\n' <\"/proc/$pid/cmdline\"",
            "      echo \"== fd $pid\"",
            "      ls -l \"/proc/$pid/fd\"",
            "      ;;",
            "  esac",
            "done 2>/dev/null",
            "[ -n \"$pid\" ] || exit 0",
            "for table in tcp tcp6 unix; do",
            "  echo \"== $table\"",
            "  cat \"/proc/$pid/net/$table\"",
            "done 2>/dev/null",
            "echo '== machine'",
            "uname -m");

    private static final Pattern SECTION = Pattern.compile("== (dockerd|fd|tcp|tcp6|unix|machine)(?: (\\d+))?");
    private static final Pattern SOCKET = Pattern.compile("-> socket:\\[(\\d+)]");

    /** A dockerd process: its pid and arguments ({@code /proc/<pid>/cmdline}). */
    record Dockerd(long pid, List<String> argv) {
        /** {@code dockerd (31)}. */
        String describe() {
            return "dockerd (" + pid + ")";
        }
    }

    /** Parses {@link #SCRIPT}'s output; no dockerd gives empty lists. */
    static DockerdSockets parse(String output) {
        Map<Long, List<String>> argv = new LinkedHashMap<>();
        Set<Long> inodes = new HashSet<>();
        Map<String, StringBuilder> tables = new LinkedHashMap<>();
        StringBuilder current = null;
        List<String> currentArgv = null;
        boolean inFds = false;
        for (String line : output.lines().toList()) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                String name = section.group(1);
                current = null;
                currentArgv = null;
                inFds = name.equals("fd");
                if (name.equals("dockerd")) {
                    currentArgv = argv.computeIfAbsent(Long.parseLong(section.group(2)), pid -> new ArrayList<>());
                } else if (!inFds) {
                    current = tables.computeIfAbsent(name, n -> new StringBuilder());
                }
                continue;
            }
            if (currentArgv != null) {
                currentArgv.add(line);
            } else if (inFds) {
                Matcher socket = SOCKET.matcher(line);
                if (socket.find()) {
                    inodes.add(Long.parseLong(socket.group(1)));
                }
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        ByteOrder order = ProcNet.byteOrder(tables.getOrDefault("machine", new StringBuilder()).toString());
        List<TcpListener> tcp = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            ProcNet.tcpListeners(tables.getOrDefault(table, new StringBuilder()).toString(), order).stream()
                    .filter(l -> inodes.contains(l.inode())).forEach(tcp::add);
        }
        List<UnixListener> unix = ProcNet.unixListeners(tables.getOrDefault("unix", new StringBuilder()).toString()).stream()
                .filter(l -> inodes.contains(l.inode())).toList();
        List<Dockerd> dockerds = argv.entrySet().stream().map(e -> new Dockerd(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new DockerdSockets(dockerds, List.copyOf(tcp), unix);
    }
}
