import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def script = new File(basedir, 'podman-service.sh').path
def podman = { List<String> args -> run(['bash', script, 'podman'] + args) }
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /Built verify-podman-devcontainer:1\.0\.0/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+the inner daemon runs a container/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+docker stop /
    assert !log.contains('FAILED')
    assert podman(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']).contains('verify-podman-devcontainer:1.0.0') :
            'the image was built on Podman'
    assert podman(['ps', '-aq']).trim().isEmpty() : 'containers left behind on Podman'
    assert podman(['volume', 'ls', '-q']).trim().isEmpty() : 'volumes left behind on Podman'
    assert run(['docker', 'ps', '-aq', '--filter', 'name=verify-podman-verify']).trim().isEmpty() : 'nothing ran on the host engine'
} finally {
    run(['bash', script, 'stop'])
}
assert !new File('/tmp/devcontainer-it-podman').exists() : 'the Podman service and its storage are gone'
def monitors = run(['bash', '-c', 'for p in $(pgrep -x conmon || true); do tr "\\0" " " <"/proc/$p/cmdline"; echo; done'])
assert !monitors.contains('/tmp/devcontainer-it-podman/') : "conmon monitors left behind: ${monitors}"
true
