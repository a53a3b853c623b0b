package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.verify.checks.ProcNet.TcpListener;
import io.github.dind.devcontainer.verify.checks.ProcNet.UnixListener;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The tables as a debian:trixie devcontainer's kernel printed them (x86_64), dockerd 26.1 with hosts tcp://0.0.0.0:2375 and a second one on 2376. */
class ProcNetTest {
    static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                    \s
               0: 0100007F:E404 0100007F:0948 06 00000000:00000000 03:0000176D 00000000     0        0 0 3 00000000037c4be7                                     \s
               1: 0B00A8C0:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7612990 1 0000000000000000 100 0 0 10 0                  \s
            """;
    static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:0947 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7610056 1 00000000702dad29 100 0 0 10 0
               1: 00000000000000000000000000000000:0948 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7612122 1 000000007a0763e8 100 0 0 10 0
               2: 0000000000000000FFFF00000100007F:0948 0000000000000000FFFF00000100007F:E3FE 06 00000000:00000000 03:0000176B 00000000     0        0 0 3 0000000019ae1f83
               3: 00000000000000000000000001000000:0949 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7612200 1 0000000000000000 100 0 0 10 0
            """;
    static final String UNIX = """
            Num       RefCount Protocol Flags    Type St Inode Path
            0000000056fa7573: 00000003 00000000 00000000 0001 03 7573584
            000000005641ad98: 00000002 00000000 00010000 0001 01 7573498 /var/run/docker.sock
            00000000f9119eb4: 00000003 00000000 00000000 0001 03 7570432 /var/run/docker/containerd/containerd.sock
            00000000d56139ba: 00000002 00000000 00010000 0001 01 7573582 /var/run/docker/metrics.sock
            000000007608ceed: 00000002 00000000 00010000 0001 01 7574599 /var/run/docker/libnetwork/3e387d29461c.sock
            00000000a1b2c3d4: 00000002 00000000 00010000 0001 01 7574600 @devcontainer-abstract
            00000000a1b2c3d5: 00000002 00000000 00010000 0001 01 7574601 /tmp/a folder/with spaces.sock
            """;

    @Test
    void readsOnlyListeningTcpSocketsWithTheirAddressPortAndInode() {
        assertThat(ProcNet.tcpListeners(TCP, ByteOrder.LITTLE_ENDIAN))
                .containsExactly(new TcpListener("192.168.0.11", 8080, 7612990));
        assertThat(ProcNet.tcpListeners(TCP6, ByteOrder.LITTLE_ENDIAN)).containsExactly(
                new TcpListener("::", 2375, 7610056), new TcpListener("::", 2376, 7612122), new TcpListener("::1", 2377, 7612200));
    }

    @Test
    void aBigEndianMachinePrintsEachWordMostSignificantByteFirst() {
        String tcp = "   1: C0A8000B:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 42 1 0 100 0 0 10 0\n";
        assertThat(ProcNet.tcpListeners(tcp, ProcNet.byteOrder("s390x\n"))).containsExactly(new TcpListener("192.168.0.11", 8080, 42));
        assertThat(ProcNet.byteOrder("x86_64")).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(ProcNet.byteOrder("aarch64")).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(ProcNet.format(ProcNet.address("00000000000000000000000000000001", ByteOrder.BIG_ENDIAN))).isEqualTo("::1");
    }

    @Test
    void writesIpv6AsRfc5952DoesAndMappedAddressesAsIpv4() {
        assertThat(ProcNet.format(ProcNet.address("B80D0120000000000000000001000000", ByteOrder.LITTLE_ENDIAN))).isEqualTo("2001:db8::1");
        assertThat(ProcNet.format(ProcNet.address("0000FFFF00000000000000000100007F", ByteOrder.LITTLE_ENDIAN))).isEqualTo("ffff::7f00:1");
        assertThat(ProcNet.format(ProcNet.address("0000000000000000FFFF00000100007F", ByteOrder.LITTLE_ENDIAN))).isEqualTo("127.0.0.1");
        // one zero group is not shortened; the longest run is; of two equal runs, the first
        assertThat(ProcNet.format(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1})).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(ProcNet.format(new byte[] {0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1})).isEqualTo("2001:0:0:1::1");
        assertThat(ProcNet.format(new byte[] {0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1})).isEqualTo("2001::1:0:0:1:1");
        assertThat(ProcNet.format(new byte[16])).isEqualTo("::");
    }

    @Test
    void readsListeningUnixSocketsWhateverTheirPath() {
        assertThat(ProcNet.unixListeners(UNIX)).containsExactly(
                new UnixListener("/var/run/docker.sock", 7573498),
                new UnixListener("/var/run/docker/metrics.sock", 7573582),
                new UnixListener("/var/run/docker/libnetwork/3e387d29461c.sock", 7574599),
                new UnixListener("@devcontainer-abstract", 7574600),
                new UnixListener("/tmp/a folder/with spaces.sock", 7574601));
        assertThat(new UnixListener("@devcontainer-abstract", 1).isAbstract()).isTrue();
    }

    @Test
    void aWildcardListenerIsProbedOnLoopbackAnotherOnItsOwnAddress() {
        assertThat(new TcpListener("::", 2375, 1).endpoint()).isEqualTo("[::]:2375");
        assertThat(new TcpListener("::", 2375, 1).probeTarget()).isEqualTo("127.0.0.1:2375");
        assertThat(new TcpListener("0.0.0.0", 2375, 1).probeTarget()).isEqualTo("127.0.0.1:2375");
        assertThat(new TcpListener("192.168.0.11", 8080, 1).probeTarget()).isEqualTo("192.168.0.11:8080");
        assertThat(new TcpListener("2001:db8::1", 2376, 1).probeTarget()).isEqualTo("[2001:db8::1]:2376");
    }
}
