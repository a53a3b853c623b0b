import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers\s+Docker 28\.\S+ \(storage driver native\)/
assert log =~ /PASSED\s+\d+\.\d\d s\s+the inner daemon runs a container/
assert log =~ /PASSED\s+\d+\.\d\d s\s+containerd-image-store-on:/
assert log =~ /PASSED\s+\d+\.\d\d s\s+buildx, compose and a BuildKit build work/
assert !log.contains('FAILED')
assert !new File(basedir, '.devcontainer/devcontainer.json').text.contains('/var/lib/docker')
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
