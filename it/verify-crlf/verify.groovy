import java.util.concurrent.TimeUnit

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
// (the repository id matches it/settings.xml's, so Maven accepts what invocation 1 resolved)
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'settings-crlf.xml')
settings.text = new File(basedir, '../../../it/settings.xml').text
        .replace('@localRepositoryUrl@', new File(localRepositoryPath.toString()).toURI().toString())
def log = new File(basedir, 'build-crlf.log')
def process = new ProcessBuilder([mvn, '-B', '-o', '-s', settings.path,
                                  "-Dmaven.repo.local=${localRepositoryPath}".toString(), 'verify'])
        .directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
assert process.waitFor(300, TimeUnit.SECONDS) : 'build and verify did not finish within 300 s'
def out = log.text
assert process.exitValue() == 0 : "build and verify of the CRLF checkout failed:\n${out}"

assert out.contains('[WARNING] Windows (CRLF) line endings in Dockerfile, startup.sh of the build context')
['the container is running', 'PID 1 is dumb-init', 'dockerd runs under PID 1', 'docker info answers',
 'the inner daemon runs a container'].each {
    assert out =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(it)}/ : "no PASSED row for '${it}'"
}
assert !out.contains('FAILED')
// still CRLF: the image normalised its own copy, nobody rewrote the checkout
assert new File(devcontainer, 'startup.sh').text.contains('\r\n')

assert ['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
assert ['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
true
