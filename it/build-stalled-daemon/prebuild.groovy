import java.net.StandardProtocolFamily
import java.net.UnixDomainSocketAddress
import java.nio.channels.ServerSocketChannel
import java.nio.file.Files
import java.nio.file.Path

// A daemon that accepts and never answers, alive for as long as the invoker's JVM.
def dir = Path.of('/tmp/devcontainer-it stalled daemon')
Files.createDirectories(dir)
Files.deleteIfExists(dir.resolve('docker.sock'))
def server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
server.bind(UnixDomainSocketAddress.of(dir.resolve('docker.sock')))
def held = []
Thread.startDaemon('stalled-docker-daemon') {
    while (server.isOpen()) {
        held << server.accept() // read nothing, answer nothing
    }
}
true
