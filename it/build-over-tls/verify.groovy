import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def script = new File(basedir, 'tls-daemon.sh').path
try {
    def log = new File(basedir, 'build.log').text
    // 1 and 2 built (always=true), and on the TLS daemon only: not on the host's engine (below)
    assert log.findAll(/Built build-over-tls-devcontainer:1\.0\.0/).size() == 2 : 'one build per TLS invocation'
    // 2 (run with -X): the address came from the context
    assert log.contains("at tcp://127.0.0.1:42376 (from Docker context 'devcontainer-it-tls')")
    assert run(['bash', script, 'images']).readLines().contains('build-over-tls-devcontainer:1.0.0') : 'the image is on the TLS daemon'
    // 3: the wrong CA
    def failure = log.readLines().find { it.contains('[ERROR]') && it.contains('not trusted') }
    assert failure : 'a wrong CA is named as such'
    assert failure.contains('tcp://127.0.0.1:42376')
    assert failure.contains('DOCKER_CERT_PATH') && failure.contains('/tmp/devcontainer-it-tls/wrong-ca')
    assert !log.contains('Internal error') && !log.contains('Execution default of goal')
} finally {
    run(['bash', script, 'stop'])
}
assert !new File('/tmp/devcontainer-it-tls').exists() : 'the TLS daemon and its directory are gone'
assert sh(['ip', 'link', 'show', 'dcit-tls0']).code != 0 : 'the TLS daemon\'s bridge is gone'
if (new File(basedir, 'docker0-before').text == 'true') {
    assert sh(['ip', 'link', 'show', 'docker0']).code == 0 : 'the host engine\'s bridge docker0 is still there'
}
assert !run(['docker', 'image', 'ls', '-q', 'build-over-tls-devcontainer']).trim() : 'nothing built on the host engine'
true
