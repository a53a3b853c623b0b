import static io.github.dind.devcontainer.it.Commands.*

// the listing must succeed and be read to its end: an empty answer proves nothing otherwise
docker = { List<String> args -> stdout(['docker'] + args).readLines().findAll { it.trim() } }
def ours = ['--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]

def plugin = pluginCoordinates(basedir)
// the Maven under test, started here to be signalled; killed with its descendants after 600 s, whatever this script does then
def verify = { String logName, List<String> more ->
    startBounded(new ProcessBuilder(nestedMavenCommand(binding.variables, more + ["${plugin}:verify"]))
            .directory(basedir).redirectErrorStream(true).redirectOutput(new File(basedir, logName)), 600)
}
def verdicts = new File(localRepositoryPath, '.cache/devcontainer-maven-plugin/verdicts')
// the ITs share a local repository, so the store holds other projects' verdicts too: this project's name its image
def image = 'verify-interrupted-devcontainer:1.0.0'
def storedVerdicts = { -> (verdicts.listFiles({ f -> f.name.endsWith('.json') } as FileFilter) ?: [])
        .collect { new groovy.json.JsonSlurper().parse(it) }.findAll { it.image == image } }
def report = new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml')

// a pass to forget: the running check alone (seconds), stored as this project's verdict
def passing = verify('passing.log', ['-Ddevcontainer.verify.only=running'])
assert awaitExit(passing, 300, new File(basedir, 'passing.log'), 'the passing verify') && passing.exitValue() == 0 : new File(basedir, 'passing.log').text
assert storedVerdicts().count { it.passed } == 1 : storedVerdicts()

[[signal: 'TERM', number: 15], [signal: 'INT', number: 2]].each { s ->
    def logFile = new File(basedir, "interrupted-${s.signal}.log")
    def maven = verify(logFile.name, [])
    def deadline = System.currentTimeMillis() + 120_000
    // the log says when the container started: read from the file, not asked of the engine, whose
    // `docker ps` can wait seconds behind another IT's image commit (then the checks were over first)
    while (!logFile.text.contains('] Started ')) {
        assert maven.alive : "Maven ended before starting a container:\n${logFile.text}"
        assert System.currentTimeMillis() < deadline : "no verify container started:\n${logFile.text}"
        Thread.sleep(100)
    }
    Thread.sleep(1500) // let the checks get going
    // the mvn script execs java, so this pid is the Maven JVM
    ok(['kill', "-${s.signal}", maven.pid()])
    assert awaitExit(maven, 60, logFile, "Maven after SIG${s.signal}")
    def log = logFile.text

    assert maven.exitValue() == 128 + s.number : "exit ${maven.exitValue()}:\n${log}"
    def lines = log.readLines().findAll { it.contains("interrupted by SIG${s.signal}") }
    assert lines.size() >= 1 && lines[0] =~ /\[WARNING\] Verification of \S+ interrupted by SIG${s.signal} (during the check [\w:-]+|between checks), after \d+ checks? passed: no verdict; the container \S+ is removed/ : log
    assert !(log =~ /\bFAILED\b/) : "an interrupted check reported as failed:\n${log}"
    assert !log.contains('Maven is stopping') : "the run did not clean up after itself within the grace:\n${log}"
    assert !log.contains('BUILD FAILURE') && !log.contains('[ERROR]') : "more than the one line:\n${log}"

    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.properties.property.find { it.@name == 'interrupted' }.@value.text().startsWith("SIG${s.signal}")
    assert suite.@failures.text() == '0' && suite.testcase.failure.size() == 0 : report.text

    assert storedVerdicts().every { !it.passed } : "the pass stored before stays: ${storedVerdicts()}"
    assert docker(['ps', '-aq'] + ours).isEmpty() : "the container survived SIG${s.signal}"
    assert docker(['volume', 'ls', '-q'] + ours).isEmpty() : "the volume survived SIG${s.signal}"
}
true
