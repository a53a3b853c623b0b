import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+PID 1 is dumb-init/
assert log =~ /FAILED\s+\d+\.\d\d s\s+dockerd runs under PID 1\s+not within 5.00 s; last seen: no dockerd process is running/
assert log =~ /FAILED\s+\d+\.\d\d s\s+docker info answers\s+docker info did not answer/
assert log =~ /SKIPPED\s+-\s+the inner daemon runs a container\s+skipped: docker-info did not pass/
assert log.contains('startup.sh: not starting dockerd')
assert log.contains('(none: the file does not exist, dockerd never started)')
assert log.contains('Devcontainer verification of verify-without-dockerd-devcontainer:1.0.0 failed:')
assert log.contains('  - docker-info (docker info answers): docker info did not answer')

def suite = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml'))
assert suite.@failures.text().toInteger() >= 2
assert suite.testcase.find { it.@name.text().startsWith('docker-info') }.failure.size() == 1

def leftovers = stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim()
assert leftovers.isEmpty() : "verify left containers: ${leftovers}"
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
