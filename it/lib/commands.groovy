// Shared by the ITs that drive processes (the devcontainer CLI, docker, mvn): evaluated by a
// verify.groovy with `evaluate(new File(basedir, '../../../it/lib/commands.groovy'))`, it puts into
// that script's binding:
//   sh(command, dir = null, timeoutSeconds = 300, env = [:])  -> [code: exit code, out: stdout+stderr]
//   ok(...)                                                   -> the same, asserting exit code 0
//   installDevcontainerCli(dir)                               -> the path of the pinned CLI, npm-installed into dir
//   proc(command)                                             -> [code:, out: stdout, err: stderr], apart and byte for byte
//   stdout(command)                                           -> stdout alone, asserting exit code 0
//   mavenUnderTest()                                          -> the Maven this IT runs under (the invoker execution's)
//   assertMavenUnderTest(log)                                 -> every run in a build.log ran under mavenUnderTest()
//   pluginCoordinates(basedir)                                -> groupId:artifactId:version of the plugin, from the IT's pom
//   nestedMaven(dir, args, timeoutSeconds = 600)              -> [code:, out:] of that Maven run in dir, batch mode,
//                                                                with the ITs' local repository
// (not in the ITs' own folders: invoker runs every folder under it/ that has a pom.xml, and this has none)
import java.util.concurrent.TimeUnit

DEVCONTAINER_CLI_VERSION = '0.89.0'

sh = { List command, File dir = null, long timeoutSeconds = 300, Map<String, String> env = [:] ->
    def builder = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true)
    if (dir != null) builder.directory(dir)
    builder.environment().putAll(env)
    def process = builder.start()
    def out = new StringBuilder()
    def reader = Thread.start { process.inputStream.eachLine { out.append(it).append('\n') } }
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        throw new AssertionError("${command} did not finish within ${timeoutSeconds} s:\n${out}")
    }
    reader.join()
    [code: process.exitValue(), out: out.toString()]
}

ok = { List command, File dir = null, long timeoutSeconds = 300, Map<String, String> env = [:] ->
    def result = sh(command, dir, timeoutSeconds, env)
    assert result.code == 0 : "${command} exited with ${result.code}:\n${result.out}"
    result
}

// both streams read to their end before the exit code is read (consumeProcessOutput + waitFor can
// return before the last of the output arrived), as bytes (the line readers end every line with \n)
proc = { List command ->
    def process = command.collect { it.toString() }.execute()
    def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
    process.waitForProcessOutput(out, err)
    [code: process.exitValue(), out: out.toString('UTF-8'), err: err.toString('UTF-8')]
}

stdout = { List command ->
    def result = proc(command)
    assert result.code == 0 : "${command} failed: ${result.err}"
    result.out
}

// The invoker execution that runs the ITs under another Maven passes its home as the script
// variable mavenHome; otherwise the ITs run under the Maven that runs the build.
mavenUnderTest = { -> binding.hasVariable('mavenHome') ? new File(binding.getVariable('mavenHome').toString())
        : new File(System.getProperty('maven.home')) }

// invoker runs Maven with -V (showVersion): each run's log names the Maven it ran under
assertMavenUnderTest = { String log ->
    def banner = /(?m)^(?:\u001b\[[0-9;]*m)?Apache Maven ([^\s\u001b]+)/
    def expected = (ok([new File(mavenUnderTest(), 'bin/mvn').path, '-v']).out =~ banner)[0][1]
    // the -V banner starts a line (a check's evidence such as "Apache Maven 3.9.9 on Java 21" does not)
    def versions = (log =~ banner).collect { it[1] }
    assert !versions.isEmpty() && versions.every { it == expected } : "expected every run under Maven ${expected}, saw ${versions}"
    // Maven 3.9 sums up what it finds wrong in a plugin's descriptor or use of its API
    assert !log.contains('Plugin validation issues') : log.readLines().findAll { it.contains('validation') }.join('\n')
}

pluginCoordinates = { File projectDir ->
    def plugin = new groovy.xml.XmlSlurper().parse(new File(projectDir, 'pom.xml')).build.plugins.plugin
            .find { it.artifactId.text() == 'devcontainer-maven-plugin' }
    "${plugin.groupId}:${plugin.artifactId}:${plugin.version}"
}

// Maven started the way a developer starts it (in a folder of their choice), with the ITs' local
// repository; released artifacts come from the developer's own, as in it/settings.xml
nestedMaven = { File dir, List args, long timeoutSeconds = 600 ->
    def userRepository = new File(System.getProperty('maven.repo.local', "${System.getProperty('user.home')}/.m2/repository"))
    def settings = File.createTempFile('nested-settings', '.xml')
    settings.deleteOnExit()
    settings.text = """<settings><profiles><profile><id>local</id>
  <repositories><repository><id>user-local</id><url>${userRepository.toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>user-local</id><url>${userRepository.toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>"""
    sh([new File(mavenUnderTest(), 'bin/mvn').path, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}"] + args,
            dir, timeoutSeconds)
}

installDevcontainerCli = { File dir ->
    dir.mkdirs()
    ok(['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error', "@devcontainers/cli@${DEVCONTAINER_CLI_VERSION}"], dir)
    def cli = new File(dir, 'node_modules/.bin/devcontainer').path
    assert ok([cli, '--version']).out.trim() == DEVCONTAINER_CLI_VERSION
    cli
}
true
