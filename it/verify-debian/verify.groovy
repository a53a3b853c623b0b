import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command).out }

def report = new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
def log = new File(basedir, 'build.log').text

// invocation 1: all checks passed
def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
['the container is running', 'PID 1 is dumb-init', 'dockerd runs under PID 1', 'docker info answers',
 'only the devcontainer reaches dockerd',
 'the inner daemon runs a container', 'an orphaned process is reaped',
 'no credential in the image\'s history, environment or labels', 'git-lfs: `git lfs version` exits with 0',
 'no-such-file: `test -e /no/such/file` exits with 1',
 'java and $JAVA_HOME/bin/javac are JDK 21 for the remote user', '`mvn -v` runs for the remote user on Java 21',
 'docker stop shuts dockerd and its containers down cleanly within 10.00 s',
 'dockerd answers again after a stop and start', 'postStartCommand succeeds and starts no second dockerd',
 'dockerd answers again after docker kill and start'].each {
    assert first =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(it)}/ : "no PASSED row for '${it}'"
}
assert first =~ /time to docker info: \d+\.\d\d s/
assert !first.contains('FAILED')

// invocation 2 (keep, two checks) rewrote the report: 2 tests, no failures
assert suite.@tests.text() == '2'
assert suite.@failures.text() == '0'
assert log.contains('Reach it with: docker exec -it verify-debian-verify-')

// the kept container is the only labelled resource; remove it as the log says
def kept = run(['docker', 'ps', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
assert kept.size() == 1 : "expected exactly the kept container, found ${kept}"
def volumes = run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).readLines()
run(['docker', 'rm', '-f', '-v'] + kept)
volumes.each { run(['docker', 'volume', 'rm', it]) }
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
