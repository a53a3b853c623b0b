import static io.github.dind.devcontainer.it.Commands.*

def projects = ['module-a', 'module-b']
def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'devcontainer-plugin.version'.text()
def results = Collections.synchronizedMap([:])
def runs = projects.collect { module ->
    Thread.start { results[module] = nestedMaven(binding.variables, new File(basedir, module), ['verify', "-Ddevcontainer-plugin.version=${version}"]) }
}
runs*.join()
projects.each { module ->
    def result = results[module]
    assert result != null && result.code == 0 : "mvn verify in ${module} failed:\n${result?.out}"
    def report = new File(basedir, "${module}/target/devcontainer-reports/TEST-devcontainer-verify.xml")
    assert report.isFile() : "no report for ${module}"
    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.@tests.text() == '6'
    assert suite.@failures.text() == '0'
    assert result.out.contains("Started ${module}-verify-")
    assert !result.out.contains('Skipping devcontainer') : 'two independent projects: each does its own'
}
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
