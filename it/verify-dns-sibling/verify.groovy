import static io.github.dind.devcontainer.it.Commands.*

try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /PASSED\s+\d+\.\d\d s\s+devcontainer-resolves-db:/ : 'verify did not start the container on runArgs --network'
    assert log =~ /PASSED\s+\d+\.\d\d s\s+inner-containers-resolve-db:/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+inner containers resolve what the devcontainer resolves\s+inner containers on the default bridge and on a network created inside resolve verify-dns-sibling-verify-/
    assert !log.contains('FAILED')
} finally {
    proc(['docker', 'rm', '-f', 'devcontainer-it-dns-db'])
    proc(['docker', 'network', 'rm', 'devcontainer-it-dns'])
}
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=devcontainer-maven-plugin.it=verify-dns-sibling']).trim().isEmpty()
assert stdout(['docker', 'network', 'ls', '-q', '--filter', 'label=devcontainer-maven-plugin.it=verify-dns-sibling']).trim().isEmpty()
true
