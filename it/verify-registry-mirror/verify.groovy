import static io.github.dind.devcontainer.it.Commands.*

def registryLog = new File(basedir, 'registry/registry.log')
try {
    def log = new File(basedir, 'build.log').text
    // the image carries the lists, startup.sh passed them as flags, the inner dockerd has them
    def dockerfile = new File(basedir, '.devcontainer/Dockerfile').text
    assert dockerfile.contains('ENV DOCKERD_REGISTRY_MIRRORS="http://registry-mirror.test:25017"')
    assert dockerfile.contains('ENV DOCKERD_INSECURE_REGISTRIES="registry-mirror.test:25017"')
    assert log =~ /PASSED\s+\d+\.\d\d s\s+inner-dockerd-has-the-mirror:/
    // the logins, written before the lifecycle commands, for root and the remote user, secrets not in the log
    assert log =~ /PASSED\s+\d+\.\d\d s\s+the inner docker CLI has the registry logins\s+logins for docker\.io \(user ci from settings\.xml server docker\.io\), registry-mirror\.test:25017 \(user ci from settings\.xml server registry-mirror\.test:25017\) in \/root\/\.docker\/config\.json and \/home\/dev\/\.docker\/config\.json/
    // as dev: mirror-it:1, a Docker Hub name, came through the mirror; then by the registry's own name over HTTP
    assert log =~ /PASSED\s+\d+\.\d\d s\s+.*postCreateCommand/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+no credential in the image's history/
    assert !log.contains('FAILED')
    assert !log.contains('s3cret-mirror') && !log.contains('s3cret-mirror'.bytes.encodeBase64().toString())

    // the registry (which answers only with a login) authorized both pulls of the inner dockerd: through the
    // mirror with the docker.io login, then by its own name with its own
    def pulls = registryLog.readLines().findAll { it.contains('msg="authorized request"')
            && it.contains('/v2/library/mirror-it/manifests/1') && it.contains('useragent="docker/') }
    assert pulls.size() >= 2 : "the registry authorized no two pulls of mirror-it:1 by the inner dockerd:\n${registryLog.text}"

    // nothing of the login in the image: its environment, labels and history
    def image = stdout(['docker', 'image', 'inspect', 'verify-registry-mirror-devcontainer:1.0.0']) +
            stdout(['docker', 'history', '--no-trunc', 'verify-registry-mirror-devcontainer:1.0.0'])
    assert image.contains('DOCKERD_REGISTRY_MIRRORS=http://registry-mirror.test:25017')
    assert !image.contains('s3cret-mirror') && !image.contains('s3cret-mirror'.bytes.encodeBase64().toString())
} finally {
    stopRegistry(new File(basedir, 'registry'))
}
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
