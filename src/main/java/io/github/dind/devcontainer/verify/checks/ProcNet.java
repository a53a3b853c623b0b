package io.github.dind.devcontainer.verify.checks;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kernel's listening sockets of a network namespace, read from {@code /proc/<pid>/net/tcp},
 * {@code tcp6} and {@code unix} (proc(5), "/proc/net/tcp", "/proc/net/unix"; the columns are
 * printed by the kernel's {@code net/ipv4/tcp_ipv4.c get_tcp4_sock}, {@code net/ipv6/tcp_ipv6.c
 * get_tcp6_sock} and {@code net/unix/af_unix.c unix_seq_show}). No {@code ss} or {@code netstat}
 * needed, which busybox images may lack. A socket is matched to its process by its inode: a
 * process's open socket shows as {@code socket:[INODE]} in {@code /proc/<pid>/fd}.
 */
final class ProcNet {
    /** The {@code st} column of a TCP socket in the LISTEN state (include/net/tcp_states.h, TCP_LISTEN = 10). */
    private static final String TCP_LISTEN = "0A";
    /** The Flags column bit of a listening Unix socket (include/linux/net.h, __SO_ACCEPTCON). */
    private static final int SO_ACCEPTCON = 0x10000;
    /** {@code uname -m} of the big-endian Linux architectures; the others (x86_64, aarch64, ppc64le, riscv64 ...) are little-endian. */
    private static final Set<String> BIG_ENDIAN = Set.of("s390x", "s390", "ppc64", "ppc", "mips", "mips64", "sparc64", "m68k",
            "armeb", "aarch64_be");

    private ProcNet() {
    }

    /** A listening TCP socket: its address as printed for people ({@code 0.0.0.0}, {@code ::}, {@code 127.0.0.1}), port, inode. */
    record TcpListener(String address, int port, long inode) {
        /** {@code 0.0.0.0:2375}, {@code [::]:2375}. */
        String endpoint() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }

        /** Whether it accepts connections to every address of the namespace ({@code 0.0.0.0} or {@code ::}). */
        boolean wildcard() {
            return address.equals("0.0.0.0") || address.equals("::");
        }

        /**
         * Where a client inside the namespace connects to reach it, as a URL's host and port: loopback
         * for a wildcard (a {@code ::} socket is dual-stack, and IPv6 may be off on lo), the IPv4
         * address of an IPv4-mapped one, else its own address.
         */
        String probeTarget() {
            if (wildcard()) {
                return "127.0.0.1:" + port;
            }
            return endpoint();
        }
    }

    /** A listening Unix socket: its path ({@code @name} for an abstract one, empty when unnamed) and inode. */
    record UnixListener(String path, long inode) {
        /** An abstract socket has no file: no owner or mode guards it (unix(7), "Abstract sockets"). */
        boolean isAbstract() {
            return path.startsWith("@");
        }
    }

    /** The byte order of the machine that printed the tables, from its {@code uname -m}. */
    static ByteOrder byteOrder(String machine) {
        return BIG_ENDIAN.contains(machine.strip()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /**
     * The listening sockets of a {@code /proc/net/tcp} or {@code tcp6} table. An address is printed
     * as 32-bit words in the machine's own byte order, hence {@code order}; the port in host order.
     * Lines that do not parse (the header) are skipped.
     */
    static List<TcpListener> tcpListeners(String table, ByteOrder order) {
        List<TcpListener> listeners = new ArrayList<>();
        for (String line : table.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":") || !f[3].equals(TCP_LISTEN)) {
                continue;
            }
            int colon = f[1].indexOf(':');
            try {
                byte[] address = address(f[1].substring(0, colon), order);
                listeners.add(new TcpListener(format(address), Integer.parseInt(f[1].substring(colon + 1), 16),
                        Long.parseLong(f[9])));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                // not a socket line
            }
        }
        return listeners;
    }

    /** The listening sockets of a {@code /proc/net/unix} table (Flags has __SO_ACCEPTCON). */
    static List<UnixListener> unixListeners(String table) {
        List<UnixListener> listeners = new ArrayList<>();
        for (String line : table.lines().toList()) {
            String[] f = line.strip().split("\\s+", 8);
            if (f.length < 7 || !f[0].endsWith(":")) {
                continue;
            }
            try {
                if ((Integer.parseInt(f[3], 16) & SO_ACCEPTCON) != 0) {
                    listeners.add(new UnixListener(f.length > 7 ? f[7] : "", Long.parseLong(f[6])));
                }
            } catch (NumberFormatException e) {
                // the header
            }
        }
        return listeners;
    }

    /** 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word in {@code order}. */
    static byte[] address(String hex, ByteOrder order) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + i * 2;
                byte b = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                // printed as a number: the most significant byte first
                bytes[word * 4 + (order == ByteOrder.BIG_ENDIAN ? i : 3 - i)] = b;
            }
        }
        return bytes;
    }

    /** Dotted IPv4; IPv6 as RFC 5952 writes it (lower case, the longest run of zero groups as {@code ::}); IPv4-mapped as IPv4. */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) {
            mapped = address[i] == 0;
        }
        if (mapped) {
            return format(new byte[] {address[12], address[13], address[14], address[15]});
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
