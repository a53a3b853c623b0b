import static io.github.dind.devcontainer.it.Commands.*

assertMavenUnderTest(binding.variables, new File(basedir, 'build.log').text)

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5 : "expected 5 invocations in build.log, found ${runs.size()}"
def image = 'reactor-verify-devcontainer:1.0.0'
def top = new File(basedir, '.devcontainer').canonicalPath

runs.eachWithIndex { run, i ->
    def builds = (run =~ /Built \Q${image}\E|Image \Q${image}\E is up to date/).size()
    def verifies = (run =~ /Verifying \Q${image}\E at |Reusing the passing verdict of \S+ for \Q${image}\E/).size()
    assert builds == 1 : "invocation ${i + 1} built ${builds} images:\n${run}"
    assert verifies == 1 : "invocation ${i + 1} verified ${verifies} times:\n${run}"
    assert !(run =~ /reactor-verify-(core|app)-devcontainer/) : "a module named an image of its own:\n${run}"
}
// 1: the checks ran, on the JDK of the highest release
assert runs[0] =~ ('PASSED\\s+\\S+ s\\s+' + java.util.regex.Pattern.quote('java and $JAVA_HOME/bin/javac are JDK 21 for the remote user'))
['core', 'app'].each { module ->
    assert runs[0].contains("Skipping devcontainer:verify in reactor-verify-${module}: the reactor's devcontainer (${top})")
    assert !new File(basedir, "${module}/.devcontainer").exists()
}
// 3, 4: the module that did the work built and verified the parent's devcontainer
[runs[2], runs[3]].each { run ->
    assert run.contains("Not generating ${top}")
    assert run =~ /:verify \(default\) @ reactor-verify-app ---\s+\[INFO\] Reusing the passing verdict/
}
// 5: -am brings the parent into the build, and the parent does it all
assert runs[4].contains("Devcontainer debian (debian:trixie) in ${top}")
assert runs[4] =~ /:verify \(default\) @ reactor-verify ---\s+\[INFO\] Reusing the passing verdict/
assert sh(['docker', 'images', '-q', 'reactor-verify-core-devcontainer']).out.trim().isEmpty()
assert sh(['docker', 'images', '-q', 'reactor-verify-app-devcontainer']).out.trim().isEmpty()
assert sh(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
