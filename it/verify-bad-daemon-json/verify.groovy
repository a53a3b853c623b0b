import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command) }

def kept = run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.readLines()
def volumes = run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.readLines()
try {
    def log = new File(basedir, 'build.log').text
    def reason = "dockerd exited during start-up: unable to configure the Docker daemon with file /etc/docker/daemon.json:" +
            " the following directives don't match any configuration option: bogus-option"

    // invocation 1: fails on docker-info with startup.sh's reason, fast (no 60 s wait), with dockerd's log
    def first = log.substring(0, log.indexOf('Scanning for projects', log.indexOf('BUILD FAILURE')))
    assert first =~ /PASSED\s+\d+\.\d\d s\s+the container is running/
    assert first =~ /FAILED\s+(\d+\.\d\d) s\s+docker info answers\s+docker info did not answer: startup.sh gave up: ${java.util.regex.Pattern.quote(reason)}/
    def waited = (first =~ /FAILED\s+(\d+\.\d\d) s\s+docker info answers/)[0][1].toDouble()
    assert waited < 30 : "docker-info waited ${waited} s although startup.sh had given up"
    assert first.contains("  - docker-info (docker info answers): docker info did not answer: startup.sh gave up: ${reason}")
    assert first.contains('startup.sh: attempt 1 of 3 failed')
    assert first.contains('unable to configure the Docker daemon with file /etc/docker/daemon.json') // dockerd's log tail
    assert first =~ /SKIPPED\s+-\s+docker stop shuts dockerd/

    // invocation 2 kept the container: it still runs, and the hooks' command fails with the reason
    assert kept.size() == 1 : "invocation 1 left something, or invocation 2 kept nothing: ${kept}"
    def id = kept[0]
    assert run(['docker', 'inspect', '--format', '{{.State.Running}}', id]).out.trim() == 'true'
    assert run(['docker', 'exec', id, 'cat', '/run/devcontainer-dockerd.status']).out.trim() == "failed: ${reason}".toString()
    def hook = run(['docker', 'exec', id, '/usr/local/bin/startup.sh'])
    assert hook.code == 1
    assert hook.err.contains("startup.sh: dockerd is not running: ${reason}")
    assert run(['sh', '-c', "docker logs ${id} 2>&1"]).out.contains('dockerd could not start; the container keeps running')
} finally {
    kept.each { run(['docker', 'rm', '-f', '-v', it]) }
    volumes.each { run(['docker', 'volume', 'rm', it]) }
}
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
