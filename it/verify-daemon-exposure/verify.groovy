import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
def exposed = 'tcp://0.0.0.0:2375 ("hosts" in /etc/docker/daemon.json) serves the Docker API without a client certificate,' +
        ' over plain HTTP: anyone on the devcontainer\'s network gets root. Remove that host, or require client certificates' +
        ' ("tlsverify": true; https://docs.docker.com/go/api-security/)'

// dockerd came up with the file, and the check names the host, where it is written, and the fix
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
assert log =~ /FAILED\s+\d+\.\d\d s\s+only the devcontainer reaches dockerd\s+${java.util.regex.Pattern.quote(exposed)}/
assert log.contains('  - daemon-exposure (only the devcontainer reaches dockerd): ' + exposed)
assert log.contains('BUILD FAILURE')

// the JUnit report says the same
def report = new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml')
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@failures.text() == '1'
def failed = suite.testcase.find { it.@name.text() == 'daemon-exposure: only the devcontainer reaches dockerd' }
assert failed.failure.@message.text().startsWith(exposed) : "no failure naming the host in ${report}"
// the whole detail, past the log's 300 characters: every listener, at the kernel's address
assert failed.failure.text().contains('unix /var/run/docker.sock 0660 root:docker')
assert failed.failure.text().contains('tcp [::]:2375 (the Docker API ')

// nothing is left
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
