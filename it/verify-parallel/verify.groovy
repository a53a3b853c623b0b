def log = new File(basedir, 'build.log').text
['module-a', 'module-b'].each { module ->
    def report = new File(basedir, "${module}/target/devcontainer-reports/TEST-devcontainer-verify.xml")
    assert report.isFile() : "no report for ${module}"
    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.@tests.text() == '6'
    assert suite.@failures.text() == '0'
    assert log.contains("Started ${module}-verify-")
}
assert ['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
assert ['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
true
