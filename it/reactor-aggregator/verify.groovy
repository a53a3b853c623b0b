import static io.github.dind.devcontainer.it.Commands.*

assertMavenUnderTest(binding.variables, new File(basedir, 'build.log').text)

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2 : "expected 2 invocations in build.log, found ${runs.size()}"
def top = new File(basedir, '.devcontainer').canonicalPath

// 1. the root's configuration, by the root
assert runs[0].contains("Devcontainer debian (debian:trixie) in ${top}")
assert (runs[0] =~ /Devcontainer \w+ \(/).size() == 1
assert !runs[0].contains('BUILD FAILURE')
// 2. parent/'s configuration, for the root's folder; the root does not declare the plugin
assert runs[1].contains("Devcontainer alpine (alpine:3.24) in ${top}")
assert runs[1].contains("Skipping devcontainer:generate in reactor-aggregator: it does not declare the plugin")
assert (runs[1] =~ /Devcontainer \w+ \(/).size() == 1
['parent', 'core'].each { assert !new File(basedir, "${it}/.devcontainer").exists() }
assert new File(top, 'Dockerfile').text.contains('FROM alpine:3.24')
true
