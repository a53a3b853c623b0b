import static io.github.dind.devcontainer.it.Commands.*

assertMavenUnderTest(binding.variables, new File(basedir, 'build.log').text)

def log = new File(basedir, 'build.log').text
// each invocation starts with Maven's "Scanning for projects" (a failure's errors come after its BUILD FAILURE)
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 6 : "expected 6 invocations in build.log, found ${runs.size()}"

// 1. the top-level project writes .devcontainer/, for the highest release of its modules
def top = new File(basedir, '.devcontainer')
assert new File(top, 'Dockerfile').isFile() && new File(top, 'devcontainer.json').isFile()
assert runs[0].contains('Java: JDK 21 (openjdk-21-jdk-headless) for Java 21 from the property maven.compiler.release'
        + ' of reactor-generate-app, the highest of the reactor\'s 3 projects')
['core', 'app'].each { module ->
    assert !new File(basedir, "${module}/.devcontainer").exists() : "${module} must not get a devcontainer of its own"
    assert runs[0].contains("Skipping devcontainer:generate in reactor-generate-${module}: the reactor's devcontainer"
            + " (${top.canonicalPath}) is handled once per build, by reactor-generate")
}
assert new File(top, 'devcontainer.json').text.contains('"javaVersion": "21"')

// 2, 3. partial builds write nothing and say what to run
[runs[1], runs[2]].each { run ->
    assert run.contains("[WARNING] Not generating ${top.canonicalPath}: the devcontainer serves the whole reactor of"
            + " reactor-generate (${basedir.canonicalPath}), which this build does not load in full")
    assert run.contains("Run mvn devcontainer:generate in \"${basedir.canonicalPath}\".")
}

// 4. a module with its own distro: an error that names the element and both projects
assert runs[3].contains('A reactor has one devcontainer, but reactor-generate-app configures it differently from'
        + ' reactor-generate, which handles it in this build:')
assert runs[3].contains('<distro> (-Ddevcontainer.generate.distro) is alpine in reactor-generate-app, debian in reactor-generate')

// 5. a toolchain requirement debian cannot meet
assert runs[4].contains('maven-toolchains-plugin\'s <toolchains><jdk><version> in reactor-generate-core "[17,18)" must be'
        + ' met by a JDK debian ships (21, 25)')

// 6. -N: the top-level project without its modules must not rewrite the devcontainer for itself alone
assert runs[5].contains("[WARNING] Not generating ${top.canonicalPath}")
assert !runs[5].contains('Dockerfile        updated')

// a build started in a module folder: nothing written there either
def result = nestedMaven(binding.variables, new File(basedir, 'core'), ["${pluginCoordinates(basedir)}:generate"])
assert result.code == 0 : result.out
assert result.out.contains("Not generating ${top.canonicalPath}")
assert !new File(basedir, 'core/.devcontainer').exists()
true
