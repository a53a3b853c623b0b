package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.verify.checks.DockerdSockets.Dockerd;
import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import io.github.dind.devcontainer.verify.checks.ProcNet.UnixListener;
import io.github.dind.devcontainer.testing.Processes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DockerdSockets#SCRIPT}'s output as a debian:trixie devcontainer printed it (GNU ls; busybox pads the columns). */
class DockerdSocketsTest {
    /** The header every sample starts with: dockerd 113 as the bundled startup.sh starts it. */
    static final String DOCKERD = """
            == dockerd 113
            dockerd
            --shutdown-timeout=7
            --storage-driver=fuse-overlayfs
            == fd 113
            total 0
            lr-x------ 1 root root 64 Dec  7 02:43 0 -> /dev/null
            l-wx------ 1 root root 64 Dec  7 02:43 1 -> /var/log/dockerd.log
            lrwx------ 1 root root 64 Dec  7 02:43 10 -> socket:[7573585]
            lrwx------ 1 root root 64 Dec  7 02:43 11 -> /var/lib/docker/volumes/metadata.db
            lrwx------ 1 root root 64 Dec  7 02:43 13 -> socket:[7574599]
            lr-x------ 1 root root 64 Dec  7 02:43 14 -> net:[4026532181]
            lrwx------    1 root     root            64 Dec  7 02:43 15 -> socket:[7610056]
            lrwx------ 1 root root 64 Dec  7 02:43 3 -> socket:[7573498]
            lrwx------ 1 root root 64 Dec  7 02:43 4 -> anon_inode:[eventpoll]
            lrwx------ 1 root root 64 Dec  7 02:43 7 -> socket:[7573582]
            """;
    /** The default devcontainer: the socket, metrics.sock and libnetwork's, no TCP (7610056 is in no table). */
    static final String DEFAULT = DOCKERD + """
            == tcp
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
            == tcp6
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
            == unix
            Num       RefCount Protocol Flags    Type St Inode Path
            0000000056fa7573: 00000003 00000000 00000000 0001 03 7573584
            000000005641ad98: 00000002 00000000 00010000 0001 01 7573498 /var/run/docker.sock
            00000000d139cef1: 00000002 00000000 00010000 0001 01 7573508 /var/run/docker/containerd/containerd-debug.sock
            000000005b16b547: 00000002 00000000 00010000 0001 01 7573510 /var/run/docker/containerd/containerd.sock
            00000000d56139ba: 00000002 00000000 00010000 0001 01 7573582 /var/run/docker/metrics.sock
            000000007608ceed: 00000002 00000000 00010000 0001 01 7574599 /var/run/docker/libnetwork/3e387d29461c.sock
            == machine
            x86_64
            """;

    /** With {@code "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]}: Go listens on [::]:2375 (inode 7610056). */
    static String withTcp(String tcp6Line) {
        return DEFAULT.replace("remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n",
                "remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" + tcp6Line + "\n");
    }

    static final String TCP_2375 = withTcp("   0: 00000000000000000000000000000000:0947 00000000000000000000000000000000:0000 0A"
            + " 00000000:00000000 00:00000000 00000000     0        0 7610056 1 00000000702dad29 100 0 0 10 0");

    @Test
    void findsDockerdsArgumentsAndTheListenersWhoseInodesItHolds() {
        DockerdSockets sockets = DockerdSockets.parse(DEFAULT);

        assertThat(sockets.dockerds()).containsExactly(
                new Dockerd(113, List.of("dockerd", "--shutdown-timeout=7", "--storage-driver=fuse-overlayfs")));
        assertThat(sockets.tcp()).isEmpty();
        // containerd's sockets are containerd's, not dockerd's
        assertThat(sockets.unix()).containsExactly(
                new UnixListener("/var/run/docker.sock", 7573498),
                new UnixListener("/var/run/docker/metrics.sock", 7573582),
                new UnixListener("/var/run/docker/libnetwork/3e387d29461c.sock", 7574599));
    }

    @Test
    void aTcpListenerCountsOnlyWhenDockerdHoldsItsInode() {
        assertThat(DockerdSockets.parse(TCP_2375).tcp()).containsExactly(new TcpListener("::", 2375, 7610056));

        String someoneElses = withTcp("   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 999 1 0 100 0 0 10 0");
        assertThat(DockerdSockets.parse(someoneElses).tcp()).isEmpty();
    }

    @Test
    void noDockerdPrintsNothing() {
        DockerdSockets none = DockerdSockets.parse("");

        assertThat(none.dockerds()).isEmpty();
        assertThat(none.tcp()).isEmpty();
        assertThat(none.unix()).isEmpty();
    }

    @Test
    void theScriptReadsTheKernelsTablesHere(@TempDir Path folder) throws Exception {
        // this JVM stands in for dockerd: its stat line is matched instead of dockerd's, the rest runs as it is
        String script = DockerdSockets.SCRIPT.replace("*' (dockerd) '*)", "'" + ProcessHandle.current().pid() + " ('*)");
        assertThat(script).isNotEqualTo(DockerdSockets.SCRIPT);
        Path path = folder.resolve("probe.sock");
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unix.bind(UnixDomainSocketAddress.of(path));
            Processes.Result result = Processes.run(List.of("sh", "-c", script), "");
            assertThat(result.exitCode()).as(result.stderr()).isZero();

            DockerdSockets sockets = DockerdSockets.parse(result.stdout());
            assertThat(sockets.dockerds()).singleElement().satisfies(d -> assertThat(d.pid()).isEqualTo(ProcessHandle.current().pid()));
            assertThat(sockets.tcp()).anySatisfy(l -> {
                assertThat(l.endpoint()).isEqualTo("127.0.0.1:" + tcp.getLocalPort());
                assertThat(l.inode()).isPositive();
            });
            assertThat(sockets.unix()).extracting(UnixListener::path).contains(path.toString());
        }
    }
}
