package io.github.dind.devcontainer.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a container or volume, as written in its owner label:
 * {@code host:pid-namespace:pid}. The PID namespace is the inode of {@code /proc/self/ns/pid}
 * (proc(5), "/proc/pid/ns/"), so two CI jobs in different containers that share a host name and a
 * daemon never take each other's live resources for leftovers: a PID means something only inside
 * its own namespace.
 *
 * @param pidNamespace the namespace inode; {@link #NO_NAMESPACES} on a system without PID
 *     namespaces (no {@code /proc/self/ns}), {@link #UNKNOWN} when Linux would not say
 */
public record Owner(String host, String pidNamespace, long pid) {
    static final String NO_NAMESPACES = "none";
    static final String UNKNOWN = "unknown";
    private static final Pattern LABEL = Pattern.compile("(.+):([^:]+):(\\d+)");
    private static final Pattern NAMESPACE_LINK = Pattern.compile("pid:\\[(\\d+)]");

    /** This JVM. */
    public static Owner current() {
        return new Owner(hostName(), pidNamespace(Path.of("/proc/self/ns/pid")), ProcessHandle.current().pid());
    }

    public String label() {
        return host + ":" + pidNamespace + ":" + pid;
    }

    /** Reads an owner label; empty for anything else (an older format included), which is then never judged dead. */
    public static Optional<Owner> parse(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(m.group(1), m.group(2), Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The liveness rule: this owner is gone, as {@code observer} sees it, only when both run on the
     * same host in the same known PID namespace, it is not the observer itself, and no process with
     * its PID is alive there. Anything the observer cannot judge (another host, another or an unknown
     * namespace) counts as alive.
     *
     * @param alive whether a PID is alive in the observer's namespace ({@code ProcessHandle.of(pid)} in production)
     */
    public boolean isGoneAccordingTo(Owner observer, LongPredicate alive) {
        return host.equals(observer.host)
                && !UNKNOWN.equals(pidNamespace)
                && pidNamespace.equals(observer.pidNamespace)
                && pid != observer.pid
                && !alive.test(pid);
    }

    /** Whether a PID is alive in this JVM's namespace. */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static String pidNamespace(Path link) {
        if (!Files.exists(link.getParent(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return NO_NAMESPACES;
        }
        try {
            Matcher m = NAMESPACE_LINK.matcher(Files.readSymbolicLink(link).toString());
            return m.matches() ? m.group(1) : UNKNOWN;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return UNKNOWN;
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
