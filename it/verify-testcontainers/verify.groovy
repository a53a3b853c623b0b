import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
def passed = { String text, String description ->
    text =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(description)}/
}
try {
    assert log.count('BUILD SUCCESS') == 2 : 'both invocations must pass'
    def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
    def second = log.substring(log.indexOf('BUILD SUCCESS') + 1)
    // generate: the preload Feature after dind, its committed list, its payload ignored by git and
    // kept out of the Dockerfile's context
    def folder = new File(basedir, '.devcontainer')
    def json = new File(folder, 'devcontainer.json').text
    assert json.contains('"./preload": {}') && json.contains('"overrideFeatureInstallOrder": ["./dind", "./preload"]')
    assert new File(folder, 'preload/images.txt').text.readLines().contains('it-tc-listener:1')
    assert new File(folder, 'preload/.gitignore').text.readLines().contains('images/')
    assert new File(folder, '.dockerignore').text.readLines().contains('preload/images/')

    // build: saved from the host's engine (which has the image: nothing pulled), once per image id
    def hostId = stdout(['docker', 'image', 'inspect', '--format', '{{.Id}}', 'it-tc-listener:1']).trim()
    def index = new File(folder, 'preload/images/images.tsv').text.readLines().findAll { !it.startsWith('#') }
    assert index.size() == 1 && index[0].startsWith("it-tc-listener:1\t") && index[0].endsWith("\t${hostId}") : index
    assert new File(folder, 'preload/images/' + index[0].split('\t')[1]).length() > 50_000_000
    assert first =~ /Saved it-tc-listener:1 \(${hostId}, /
    assert !first.contains('Pulling it-tc-listener:1')
    // invocation 2 rebuilds the image (another remote user) but the payload is up to date
    assert second.contains('Preloading 1 image (') && second.contains(': all up to date')
    // the Feature's build copied it into the image
    assert first.contains('preload: it-tc-listener:1 (' + hostId)

    // verify, invocation 1 (root): the preload Feature's onCreateCommand, the testcontainers check
    // (Testcontainers' own smoke; no Ryuk image here, so Ryuk off) and the suite inside
    [first, second].each { run ->
        assert passed(run, 'Testcontainers runs containers inside as the remote user') : 'no PASSED testcontainers row'
        assert run =~ /Ryuk off \(no testcontainers\/ryuk image inside\); mapped port at getHost\(\) [0-9.]+:\d+ answered \(exposed port, wait strategy\); execInContainer ok; Network alias smoke-server reached from a second container/
        // the suite's 4 tests ran and passed inside (the command greps surefire's report)
        assert run =~ /PASSED\s+\d+\.\d\d s\s+`[^`]*mvn -B [^`]*-Ddevcontainer.inner test && grep -q 'tests="4" errors="0" skipped="0" failures="0"' target\/surefire-reports\/TEST-example.ListenerTest.xml` builds the project in \/workspaces\/verify-testcontainers/
        assert !run.contains('FAILED')
    }
    assert first =~ /Testcontainers runs containers inside as the remote user\s+as root in/
    assert second =~ /Testcontainers runs containers inside as the remote user\s+as dev in/
    // the preload Feature's onCreateCommand loaded the image in both (as root, then as dev)
    [first, second].each { run ->
        assert run =~ /onCreateCommand succeeds as the remote user \(2 commands, one after another\)\s+exit code 0 as \w+: \/bin\/sh -c [^\n]*startup.sh then \/bin\/sh -c \/usr\/local\/share\/devcontainer\/preload\/load.sh/
    }
    assert new File(folder, 'Dockerfile').text.contains('"dev"')
} finally {
    // what the IT made on the host: the listener image and verify's local repository volume
    proc(['docker', 'rmi', 'it-tc-listener:1'])
    run = { List command -> proc(command) }
    run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.cache=m2', '--filter', projectLabel(basedir)])
            .out.readLines().findAll { it }.each { run(['docker', 'volume', 'rm', it]) }
}
assert proc(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert proc(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert proc(['docker', 'images', '-q', 'it-tc-listener']).out.trim().isEmpty()
true
