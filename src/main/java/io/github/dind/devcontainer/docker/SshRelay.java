package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.FileModes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaches a daemon at {@code ssh://[user@]host[:port]} the way the docker CLI does: for every
 * connection, the system {@code ssh} client runs {@code docker system dial-stdio} on the remote side
 * and the HTTP conversation flows over that process's stdin and stdout (docker/cli
 * {@code cli/connhelper/ssh}). docker-java speaks to a Unix socket in a private directory (mode
 * 0700) that this relay serves, so its own HTTP client does the rest. ssh runs with
 * {@code BatchMode=yes}: it never waits for a password on a terminal Maven does not have; the
 * user's ssh configuration, keys and agent apply as for {@code docker -H ssh://...}.
 *
 * <p>Its length is a socket relay with its own threads, and their orderly shutdown; nothing in it
 * is about Docker beyond the command it runs.
 */
final class SshRelay implements Closeable {
    private static final int STDERR_LINES = 10;

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<String> command;
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Deque<String> stderr = new ArrayDeque<>();

    private SshRelay(Path directory, ServerSocketChannel server, List<String> command) {
        this.directory = directory;
        this.socket = directory.resolve("docker.sock");
        this.server = server;
        this.command = command;
    }

    /**
     * Starts serving; no ssh runs until the first connection.
     *
     * @param sshHost {@code ssh://[user@]host[:port]}
     * @throws IOException when the private socket cannot be made
     * @throws IllegalArgumentException when the URI has a path or no host
     */
    static SshRelay start(URI sshHost) throws IOException {
        List<String> command = command(sshHost);
        Path directory = privateDirectory(Path.of(System.getProperty("java.io.tmpdir")));
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(directory.resolve("docker.sock")));
        SshRelay relay = new SshRelay(directory, server, command);
        Thread acceptor = new Thread(relay::accept, "devcontainer-ssh-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    /**
     * A new directory in {@code parent} for the socket: mode 0700 from its creation where the file
     * system keeps POSIX modes, so no other local user can connect to the socket — whoever reaches
     * it commands the remote daemon. Where it keeps none (Windows), the directory is made plainly
     * and inherits the ACL of {@code parent}: the default temporary folder there is the user's own
     * ({@code %LOCALAPPDATA%\Temp}: the user, SYSTEM and Administrators), so that is acceptable.
     * The connector refuses {@code ssh://} on Windows before any relay starts (see
     * {@link DockerConnector}); this only keeps the relay from failing on a file system without modes.
     *
     * @throws IOException when the directory cannot be made
     */
    static Path privateDirectory(Path parent) throws IOException {
        if (FileModes.supportsPosix(parent)) {
            return Files.createTempDirectory(parent, "devcontainer-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(parent, "devcontainer-ssh-");
    }

    /** The ssh command the docker CLI runs for this host: {@code ssh -l user -p port -- host docker system dial-stdio}. */
    static List<String> command(URI sshHost) {
        if (sshHost.getHost() == null || sshHost.getHost().isBlank()) {
            throw new IllegalArgumentException("names no host; the form is ssh://[user@]host[:port]");
        }
        if (sshHost.getPath() != null && !sshHost.getPath().isEmpty() && !sshHost.getPath().equals("/")) {
            throw new IllegalArgumentException("has a path (" + sshHost.getPath() + "); the form is ssh://[user@]host[:port]");
        }
        List<String> command = new ArrayList<>(List.of("ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=30"));
        if (sshHost.getUserInfo() != null && !sshHost.getUserInfo().isBlank()) {
            command.addAll(List.of("-l", sshHost.getUserInfo()));
        }
        if (sshHost.getPort() > 0) {
            command.addAll(List.of("-p", Integer.toString(sshHost.getPort())));
        }
        command.addAll(List.of("--", sshHost.getHost(), "docker", "system", "dial-stdio"));
        return List.copyOf(command);
    }

    /** What docker-java connects to. */
    URI socketUri() {
        return URI.create("unix://" + socket.toUri().getRawPath());
    }

    /** The last lines ssh wrote to stderr (why a connection failed: a refused key, no docker there). */
    synchronized List<String> stderrTail() {
        return List.copyOf(stderr);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                relay(client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(SocketChannel client) {
        Process ssh;
        try {
            ssh = new ProcessBuilder(command).start();
        } catch (IOException e) {
            remember("cannot run ssh: " + e.getMessage());
            closeQuietly(client);
            return;
        }
        processes.add(ssh);
        // The channel is read and written directly, one thread each way: streams from Channels.new*Stream
        // share the channel's blocking lock, so a pending read would block the response's write. Every
        // chunk is flushed at once: ssh's stdin is buffered, and an HTTP request must not wait in a buffer.
        start("devcontainer-ssh-in", () -> {
            try (OutputStream toSsh = ssh.getOutputStream()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (client.read(buffer) >= 0) {
                    toSsh.write(buffer.array(), 0, buffer.position());
                    toSsh.flush();
                    buffer.clear();
                }
            }
        }, () -> { });
        start("devcontainer-ssh-out", () -> {
            try (InputStream fromSsh = ssh.getInputStream()) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = fromSsh.read(chunk)) >= 0; ) {
                    ByteBuffer out = ByteBuffer.wrap(chunk, 0, n);
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                }
            }
        }, () -> {
            closeQuietly(client);
            ssh.destroy();
            processes.remove(ssh);
        });
        Thread errors = new Thread(() -> {
            try (InputStream err = ssh.getErrorStream()) {
                new String(err.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(this::remember);
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "devcontainer-ssh-err");
        errors.setDaemon(true);
        errors.start();
    }

    /** An I/O loop that may end with an exception: one side closed, the connection is over. */
    private interface Loop {
        void run() throws IOException;
    }

    private static void start(String name, Loop loop, Runnable after) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException ignored) {
                // one side closed: the connection is over
            } finally {
                after.run();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void remember(String line) {
        if (line.isBlank()) {
            return;
        }
        stderr.addLast(line.strip());
        while (stderr.size() > STDERR_LINES) {
            stderr.removeFirst();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Stops serving, ends every ssh process, and removes the private directory. */
    @Override
    public void close() {
        closeQuietly(server);
        processes.forEach(Process::destroy);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
