package io.github.dind.devcontainer.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that owns a container or volume, as written in its owner label:
 * {@code host:host-id:pid-namespace:pid}.
 *
 * <ul>
 *   <li><b>host</b>: the host name. It is compared too, but cannot tell hosts apart on its own:
 *       CI runners behind one {@code DOCKER_HOST} often share one.</li>
 *   <li><b>host id</b>: tells the engine-client hosts apart. On Linux it is
 *       {@code /proc/sys/kernel/random/boot_id}, a random UUID the kernel generates once per boot
 *       (random(4), "uuid and boot_id"; proc(5), "/proc/sys/kernel/random"; sd_id128_get_boot(3):
 *       "unique for every running kernel instance"). It is not namespaced, so containers on one
 *       host share it — they differ in the PID namespace, the next part. Where that file does not
 *       exist (macOS, Windows) it is a random UUID stored in {@link #STORED_ID} under
 *       {@code java.io.tmpdir}, created by the first run that needs it; see {@link #hostId}. The
 *       boot id changes with every boot: leftovers of runs killed before the client host rebooted
 *       are not swept (after a reboot their PIDs mean nothing anyway). Two VMs resumed from one
 *       memory snapshot share the boot id of the snapshot, as they share its PIDs; such clones
 *       are told apart only by their host names.</li>
 *   <li><b>PID namespace</b>: the inode of {@code /proc/self/ns/pid} (proc(5), "/proc/pid/ns/"),
 *       so two CI jobs in different containers of one host never take each other's live resources
 *       for leftovers: a PID means something only inside its own namespace. The initial namespace
 *       has the same inode (4026531836) on every Linux kernel, which is why the host id is
 *       needed.</li>
 *   <li><b>PID</b>: the Maven JVM's.</li>
 * </ul>
 *
 * <p>The owner is judged only by a run that has the same host name, host id and PID namespace,
 * all known ({@link #isGoneAccordingTo}); every other owner counts as alive. Labels of the older
 * {@code host:pid-namespace:pid} and {@code host:pid} formats do not parse ({@link #parse}), so
 * what runs of earlier versions made is never judged dead either.
 *
 * @param host the host name, without {@code ':'}
 * @param hostId the host id, without {@code ':'}; {@link #UNKNOWN} when it could not be read or
 *     stored
 * @param pidNamespace the namespace inode; {@link #NO_NAMESPACES} on a system without PID
 *     namespaces (no {@code /proc/self/ns}), {@link #UNKNOWN} when Linux would not say
 * @throws IllegalArgumentException when host, host id or namespace is empty or contains {@code ':'}
 *     (the label would not read back)
 * @throws NullPointerException when host, host id or namespace is null
 */
public record Owner(String host, String hostId, String pidNamespace, long pid) {
    static final String NO_NAMESPACES = "none";
    static final String UNKNOWN = "unknown";
    /** The Linux boot id, the host id where it exists. */
    static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    /** The file, under {@code java.io.tmpdir}, that keeps the host id where there is no boot id. */
    static final String STORED_ID = "io.github.dind.devcontainer.host-id";

    private static final Pattern LABEL = Pattern.compile("([^:]+):([^:]+):([^:]+):(\\d+)");
    private static final Pattern NAMESPACE_LINK = Pattern.compile("pid:\\[(\\d+)]");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** More than an id and a line end: enough to tell a damaged file without reading all of it. */
    private static final int ID_READ_LIMIT = 64;

    public Owner {
        requirePart("host", host);
        requirePart("host id", hostId);
        requirePart("PID namespace", pidNamespace);
    }

    private static void requirePart(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("An owner's " + what + " must be non-empty and without ':': " + value);
        }
    }

    /** This JVM: {@link #BOOT_ID}, else {@link #STORED_ID} in {@code java.io.tmpdir}, and {@code /proc/self/ns/pid}. */
    public static Owner current() {
        return new Owner(hostName(), hostId(BOOT_ID, Path.of(System.getProperty("java.io.tmpdir"), STORED_ID)),
                pidNamespace(Path.of("/proc/self/ns/pid")), ProcessHandle.current().pid());
    }

    /** {@code host:host-id:pid-namespace:pid}. */
    public String label() {
        return host + ":" + hostId + ":" + pidNamespace + ":" + pid;
    }

    /**
     * Reads an owner label: four parts, none of them empty or holding a {@code ':'}, the last a
     * number. Anything else is empty and then never judged dead — among them the older formats
     * {@code host:pid-namespace:pid} (three parts) and {@code host:pid} (two), whose owners cannot
     * be told apart from a host of the same name.
     */
    public static Optional<Owner> parse(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The liveness rule: this owner is gone, as {@code observer} sees it, only when both have the
     * same host name, the same known host id and the same known PID namespace, it is not the
     * observer itself, and no process with its PID is alive there. Anything the observer cannot
     * judge (another host name or host id, another or an unknown namespace, an unknown host id)
     * counts as alive.
     *
     * @param alive whether a PID is alive in the observer's namespace ({@code ProcessHandle.of(pid)} in production)
     */
    public boolean isGoneAccordingTo(Owner observer, LongPredicate alive) {
        return host.equals(observer.host)
                && !UNKNOWN.equals(hostId)
                && hostId.equals(observer.hostId)
                && !UNKNOWN.equals(pidNamespace)
                && pidNamespace.equals(observer.pidNamespace)
                && pid != observer.pid
                && !alive.test(pid);
    }

    /** Whether a PID is alive in this JVM's namespace. */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The host id: the boot id when {@code bootId} exists, else the id stored in {@code stored}.
     * Never throws: whatever cannot be read gives {@link #UNKNOWN}, an id that never matches.
     *
     * <ul>
     *   <li>A boot id file that exists but cannot be read, or does not hold a lowercase UUID (the
     *       kernel's format), gives {@link #UNKNOWN}, not the stored id: a run must not switch
     *       sources between two calls.</li>
     *   <li>The stored id is made once per host and kept: the first run writes a fresh random UUID
     *       to a temporary file in the same folder and publishes it with {@link Files#createLink}
     *       (link(2); {@code CreateHardLink} on Windows), which fails when the name exists, so
     *       concurrent first runs all end up reading the one id that won and no reader ever sees a
     *       half-written file. {@link Files#move} with {@code ATOMIC_MOVE} would not do: its
     *       Javadoc leaves replacing an existing target to the implementation, and the JDK's atomic
     *       move is rename(2) on Unix and {@code MoveFileEx(..., MOVEFILE_REPLACE_EXISTING)} on
     *       Windows ({@code sun.nio.fs.UnixCopyFile.move}, {@code WindowsFileCopy.move}), both of
     *       which replace it, so a second run could change the id under a running one.</li>
     *   <li>A damaged or unreadable stored file, a folder that cannot be written, or a file system
     *       without hard links gives {@link #UNKNOWN}: nothing of this host is then judged dead,
     *       and the file is left as it is.</li>
     *   <li>Where {@code java.io.tmpdir} is per user (macOS' {@code $TMPDIR}, Windows'
     *       {@code %TEMP%}), so is the id: runs of another user never judge this user's. A cleaned
     *       temporary folder gives a new id: what runs under the old one left is not swept, never
     *       the reverse. The file is under {@code java.io.tmpdir} rather than the home folder
     *       because a home folder may be shared between hosts (NFS), a temporary folder seldom.</li>
     * </ul>
     *
     * @param bootId {@link #BOOT_ID} in production
     * @param stored {@link #STORED_ID} in {@code java.io.tmpdir} in production
     */
    static String hostId(Path bootId, Path stored) {
        if (!Files.notExists(bootId)) {
            return readId(bootId);
        }
        if (Files.notExists(stored, LinkOption.NOFOLLOW_LINKS) && !publish(stored)) {
            return UNKNOWN;
        }
        return readId(stored);
    }

    /**
     * Writes a fresh id to {@code stored} unless it exists, what a run does that found no file a
     * moment ago; false when neither could be done.
     */
    static boolean publish(Path stored) {
        Path temp = null;
        try {
            Path folder = stored.toAbsolutePath().getParent();
            temp = Files.createTempFile(folder, STORED_ID + "-", ".tmp");
            Files.writeString(temp, UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
            Files.createLink(stored, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return true; // another run was first; its id holds
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException | SecurityException e) {
                    // a stray temporary file; the id is already decided
                }
            }
        }
    }

    /** The id in a file (a lowercase UUID and an optional line end), else {@link #UNKNOWN}. */
    static String readId(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(ID_READ_LIMIT);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return UNKNOWN;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String id = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return ID.matcher(id).matches() ? id : UNKNOWN;
    }

    static String pidNamespace(Path link) {
        if (!Files.exists(link.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            return NO_NAMESPACES;
        }
        try {
            Matcher m = NAMESPACE_LINK.matcher(Files.readSymbolicLink(link).toString());
            return m.matches() ? m.group(1) : UNKNOWN;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return UNKNOWN;
        }
    }

    /** This host's name, as {@link #hostPart} makes it fit the label. */
    static String hostName() {
        try {
            return hostPart(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return hostPart("");
        }
    }

    /** A host name as the label's first part: a {@code ':'} (which Linux allows) read as {@code '_'}, none as {@code unknown-host}. */
    static String hostPart(String name) {
        return name == null || name.isEmpty() ? "unknown-host" : name.replace(':', '_');
    }
}
