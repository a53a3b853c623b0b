import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command).out }

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker stop shuts dockerd and its containers down cleanly within 10\.00 s\s+stopped in \d+\.\d\d s; the inner container got SIGTERM; dockerd logged "Daemon shutdown complete"/
assert !log.contains('FAILED')

def kept = run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
assert kept.size() == 1 : "expected exactly the kept container, found ${kept}"
def id = kept[0]
def volumes = run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
try {
    assert run(['docker', 'inspect', '--format', '{{.State.Running}} {{.State.ExitCode}}', id]).trim() == 'false 143' :
            'the main process must exit on SIGTERM (143), not be killed (137)'
    def term = run(['sh', '-c', "docker cp ${id}:/var/lib/docker/devcontainer-verify-stop/term - | tar -xO"])
    assert term.trim() == 'SIGTERM' : "the inner container recorded no SIGTERM: '${term}'"
    def dockerdLog = run(['sh', '-c', "docker cp ${id}:/var/log/dockerd.log - | tar -xO"])
    def afterStop = dockerdLog.substring(dockerdLog.lastIndexOf('devcontainer-verify: docker stop begins'))
    assert afterStop.contains("Processing signal 'terminated'")
    assert afterStop.contains('Daemon shutdown complete')
    assert !afterStop.contains('Force shutdown daemon')
    def containerLog = run(['sh', '-c', "docker logs ${id} 2>&1"])
    assert containerLog.contains('startup.sh: stopping dockerd')
    assert containerLog.contains('startup.sh: dockerd has stopped')
} finally {
    run(['docker', 'rm', '-f', '-v', id])
    volumes.each { run(['docker', 'volume', 'rm', it]) }
}
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
