import static io.github.dind.devcontainer.it.Commands.*

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains(', network devcontainer-it-mtu1400, ')
    assert log =~ /PASSED\s+\d+\.\d\d s\s+started-on-the-1400-network:/ : 'verify did not start the container on runArgs --network'
    assert log =~ /PASSED\s+\d+\.\d\d s\s+the inner MTU is at most the uplink's\s+uplink eth0 1400; inner default bridge 1400, a network created inside 1400/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+inner containers and the devcontainer reach each other over TCP/
    assert !log.contains('FAILED')
} finally {
    proc(['docker', 'network', 'rm', 'devcontainer-it-mtu1400'])
}
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'network', 'ls', '-q', '--filter', 'label=devcontainer-maven-plugin.it=verify-mtu']).trim().isEmpty()
true
