import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command).out }

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+dockerd answers again after docker kill and start\s+Docker \S+ \(storage driver overlay2\) answered \d+\.\d\d s after the start/
assert log =~ /time to docker info after kill: \d+\.\d\d s/
assert !log.contains('FAILED')

def kept = run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
assert kept.size() == 1 : "expected exactly the kept container, found ${kept}"
def id = kept[0]
def volumes = run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
try {
    assert run(['docker', 'inspect', '--format', '{{.State.Running}}', id]).trim() == 'true'
    assert run(['docker', 'exec', id, 'cat', '/run/devcontainer-dockerd.status']).trim() == 'ready'
    assert run(['docker', 'exec', id, 'docker', 'info', '--format', '{{.ServerVersion}}']).trim()
    def containerLog = run(['sh', '-c', "docker logs ${id} 2>&1"])
    assert containerLog.count('startup.sh: starting dockerd') == 2 : containerLog
    assert !containerLog.contains('stopping dockerd') : 'a kill gives no chance to stop: the log must not claim one'
} finally {
    run(['docker', 'rm', '-f', '-v', id])
    volumes.each { run(['docker', 'volume', 'rm', it]) }
}
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
