import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command) }

def log = new File(basedir, 'build.log').text
def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
def second = log.substring(log.indexOf('BUILD SUCCESS') + 1)
def passed = { String text, String description ->
    text =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(description)}/
}

// generate: the Feature, named after dind, its payload kept out of git and of the Dockerfile's context
def devcontainer = new File(basedir, '.devcontainer')
def json = new File(devcontainer, 'devcontainer.json').text
assert json.contains('"./offline-repository": {}')
assert new File(devcontainer, 'offline-repository/.gitignore').text.contains('\nrepository.tar\nrepository.key\n')
assert new File(devcontainer, '.dockerignore').text.contains('\noffline-repository/\n')

// build: the project built once in the image, and what it downloaded is the payload
assert first.contains('Offline repository: building the project once in the image, as dev')
def made = first =~ /Offline repository: (\d+) files, [\d.]+ MB, in [\d.]+ s -> /
assert made.find() && (made.group(1) as int) > 100 : 'no payload line, or an implausibly small one'
def payload = new File(devcontainer, 'offline-repository/repository.tar')
def key = new File(devcontainer, 'offline-repository/repository.key')
assert payload.size() > 1_000_000 && key.text.trim() ==~ /[0-9a-f]{64}/
def names = new java.util.TreeSet()
new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(payload.newInputStream()).withCloseable { tar ->
    for (def e = tar.nextEntry; e != null; e = tar.nextEntry) { names << e.name }
}
// the test provider surefire resolves before it looks for tests: there, though no test ran in the warm-up
assert names.any { it.startsWith('m2-repository/org/apache/maven/surefire/surefire-junit-platform/3.5.4/') }
assert names.any { it.startsWith('m2-repository/org/junit/jupiter/junit-jupiter-engine/5.14.4/') }
assert names.contains('m2-repository.key')
assert !names.any { it.endsWith('.lastUpdated') }

// in the image: unpacked by install.sh, the hook installed
def image = 'verify-offline-devcontainer:1.0.0'
def inImage = run(['docker', 'run', '--rm', '--entrypoint', 'sh', image, '-c',
                   'ls /usr/local/share/devcontainer/m2-repository/org/apache/maven/plugins && test -x /usr/local/bin/devcontainer-offline-repository'])
assert inImage.code == 0 && inImage.out.contains('maven-surefire-plugin') : inImage

// verify: the hook copied the repository into the fresh volume, and the project built and tested offline
assert first.contains("Maven's local repository for offline-build: what a client's first start has")
assert passed(first, '`mvn -o -B -Ddevcontainer.inner verify` builds the project in /workspaces/verify-offline with the devcontainer off every network')
// as the non-root remote user, off the default bridge with no route out
assert first =~ /exit code 0 as dev in [\d.]+ s, off bridge \(no default route\)/
assert !first.contains('FAILED')
def report = new File(basedir, 'target/surefire-reports/TEST-example.GreetingTest.xml')
assert report.isFile() && report.text.contains('tests="1"') && report.text.contains('failures="0"')

// package again: nothing changed, so no second warm-up and no rebuild
assert !second.contains('Offline repository: building')
assert second.contains('Image verify-offline-devcontainer:1.0.0 is up to date')

// nothing left: no warm-up container, no verify container or volume
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=offline-repository', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.cache=m2', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
