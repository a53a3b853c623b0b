import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
def runs = log.split(/BUILD (SUCCESS|FAILURE)/)
assert runs.size() == 10 : "expected 9 invocations in build.log, found ${runs.size() - 1}"
def ran = { int n -> runs[n - 1] =~ /Verifying verify-reuse-devcontainer:1\.0\.0 at / }
def reused = { int n -> runs[n - 1] =~ /Reusing the passing verdict of \S+ for verify-reuse-devcontainer:1\.0\.0 \(image sha256:[0-9a-f]{12}\)/ }

assert ran(1) && !reused(1)
assert reused(2) && !ran(2) : "invocation 2 should reuse the verdict:\n${runs[1]}"
assert runs[1].contains('-Ddevcontainer.verify.always=true') : 'the log should say how to run the checks anyway'
assert !runs[1].contains('Started verify-reuse-verify-') : 'no container may start when the verdict is reused'
assert ran(3) && runs[2].contains('Running the checks: <always> (-Ddevcontainer.verify.always) is set')
assert ran(4) && runs[3] =~ /Running the checks: the checks changed since the passing verdict of /
assert reused(5) && !ran(5)
assert ran(6) && runs[5] =~ /Running the checks: the image changed since the passing verdict of /
def failedAbsent = { int n -> runs[n - 1] =~ /FAILED\s+\S+ s\s+absent: `test -e \/no\/such\/file`/ }
assert ran(7) && failedAbsent(7)
assert ran(8) && !reused(8) && failedAbsent(8)
assert ran(9) && !reused(9)

// invocation 2 ran after mvn clean and put the stored report back; 9 wrote its own
assert runs[1].contains('Report: ' + new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml').path)
assert new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml').isFile()

// the store: one verdict for this project, in the local repository's .cache
def store = new File(localRepositoryPath, '.cache/devcontainer-maven-plugin/verdicts')
assert store.listFiles().findAll { it.name.endsWith('.json') && it.text.contains('verify-reuse-devcontainer:1.0.0') }.size() == 1

assert sh(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert sh(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
