import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
assert log =~ /PASSED\s+\d+\.\d\d s\s+nft-cannot-create-chains:/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dockerd-uses-legacy:/
assert log =~ /PASSED\s+\d+\.\d\d s\s+inner containers and the devcontainer reach each other over TCP/
assert !log.contains('FAILED')
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
