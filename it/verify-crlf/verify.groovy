import static io.github.dind.devcontainer.it.Commands.*

def devcontainer = new File(basedir, '.devcontainer')
def attributes = new File(devcontainer, '.gitattributes')
assert attributes.isFile() : 'generate wrote no .gitattributes'
['Dockerfile', '*.sh', 'devcontainer.json'].each {
    assert attributes.readLines().contains("${it} text eol=lf".toString()) : "no LF rule for ${it}"
}

// the checkout: CRLF everywhere, as core.autocrlf=true does without the .gitattributes
['Dockerfile', 'startup.sh', 'devcontainer.json'].each {
    def file = new File(devcontainer, it)
    file.bytes = file.getText('UTF-8').replace('\r\n', '\n').replace('\n', '\r\n').getBytes('UTF-8')
}
assert new File(devcontainer, 'startup.sh').text.startsWith('#!/usr/bin/env bash\r\n')

// build and verify, no generate: a Maven build of its own, offline, on the ITs' local repository
// (the repository id is it/settings.xml's, so Maven accepts what invocation 1 resolved)
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'settings-crlf.xml')
def repository = new File(localRepositoryPath.toString()).toURI()
settings.text = """<settings><profiles><profile><id>it-repo</id>
  <repositories><repository><id>local.central</id><url>${repository}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${repository}</url></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>it-repo</activeProfile></activeProfiles></settings>"""
def build = sh([mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}", 'verify'], basedir, 300)
def out = build.out
new File(basedir, 'build-crlf.log').text = out
assert build.code == 0 : "build and verify of the CRLF checkout failed:\n${out}"

assert out.contains('[WARNING] Windows (CRLF) line endings in Dockerfile, startup.sh of the build context')
['the container is running', 'PID 1 is dumb-init', 'dockerd runs under PID 1', 'docker info answers',
 'the inner daemon runs a container'].each {
    assert out =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(it)}/ : "no PASSED row for '${it}'"
}
assert !out.contains('FAILED')
// still CRLF: the image normalised its own copy, nobody rewrote the checkout
assert new File(devcontainer, 'startup.sh').text.contains('\r\n')

assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
