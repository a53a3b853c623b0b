import static io.github.dind.devcontainer.it.Commands.*

docker = { List<String> args -> stdout(['docker'] + args).readLines().findAll { it.trim() } }
def ours = ['--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]

def plugin = pluginCoordinates(basedir)
// each run its own report folder, to tell the reports apart (in one target/ the last one written stays, whole)
def runs = ['a', 'b'].collect { name ->
    def log = new File(basedir, "verify-${name}.log")
    // killed with its descendants after 600 s, whatever this script does then
    def process = startBounded(new ProcessBuilder(nestedMavenCommand(binding.variables, ['-Ddevcontainer.verify.only=running,docker-info',
            "-Ddevcontainer.verify.reportDirectory=target/reports-${name}", "${plugin}:verify"]))
            .directory(basedir).redirectErrorStream(true).redirectOutput(log), 600)
    [name: name, log: log, process: process, report: new File(basedir, "target/reports-${name}/TEST-devcontainer-verify.xml")]
}
runs.each { run ->
    // fails with the log so far, and kills, when it did not finish
    assert awaitExit(run.process, 300, run.log, "verify ${run.name}")
    assert run.process.exitValue() == 0 : run.log.text
}

// each report is its own: it names the container its own run started
def containers = runs.collect { run ->
    def started = (run.log.text =~ /Started (\S+) \(/)
    assert started.find() : run.log.text
    def suite = new groovy.xml.XmlSlurper().parse(run.report)
    assert suite.properties.property.find { it.@name == 'container' }.@value.text() == started.group(1)
    assert suite.@failures.text() == '0' && suite.testcase.size() >= 2 : run.report.text
    started.group(1)
}
assert containers[0] != containers[1]

// the stored verdict is one run's whole report; the other run said it left that one in place
def verdicts = new File(localRepositoryPath, '.cache/devcontainer-maven-plugin/verdicts')
// the ITs share a local repository, so the store holds other projects' verdicts too: this project's name its image
def stored = verdicts.listFiles({ f -> f.name.endsWith('.json') } as FileFilter).collect { new groovy.json.JsonSlurper().parse(it) }
        .findAll { it.image == 'verify-concurrent-devcontainer:1.0.0' }
assert stored.size() == 1 && stored[0].passed : stored
def owner = runs.findAll { it.report.text == stored[0].report }
assert owner.size() == 1 : "the stored report is neither run's whole report:\n${stored[0].report}"
def other = runs.find { it != owner[0] }
assert other.log.text.contains("Not storing this run's passing verdict: another verify of ") : other.log.text
assert !owner[0].log.text.contains('Not storing')

assert docker(['ps', '-aq'] + ours).isEmpty()
assert docker(['volume', 'ls', '-q'] + ours).isEmpty()
true
