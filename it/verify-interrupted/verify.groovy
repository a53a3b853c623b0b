import java.util.concurrent.TimeUnit

evaluate(new File(basedir, '../../../it/lib/commands.groovy'))
// the listing must succeed and be read to its end: an empty answer proves nothing otherwise
docker = { List<String> args -> stdout(['docker'] + args).readLines().findAll { it.trim() } }

def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin.version.text()
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def log = new File(basedir, 'interrupted.log')
// the plugin is in the ITs' local repository; everything else comes from the developer's, as in it/settings.xml
def userRepository = new File(System.getProperty('maven.repo.local', "${System.getProperty('user.home')}/.m2/repository"))
def settings = new File(basedir, 'interrupted-settings.xml')
settings.text = """<settings><profiles><profile><id>local</id>
  <repositories><repository><id>user-local</id><url>${userRepository.toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>user-local</id><url>${userRepository.toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>"""
def maven = new ProcessBuilder(mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
        "io.github.dind:devcontainer-maven-plugin:${version}:verify")
        .directory(basedir).redirectErrorStream(true).redirectOutput(log).start()

// the mvn script execs java, so this pid is the Maven JVM that owns the container
// owner label (run/Owner): host, host id, PID namespace, pid. The host id is Linux's boot id, read as the
// plugin reads it (one trailing line end dropped); the PID namespace is the inode of /proc/self/ns/pid
// (Maven runs in this one)
def bootId = new File('/proc/sys/kernel/random/boot_id').text
bootId = bootId.endsWith('\n') ? bootId[0..-2] : bootId
assert bootId ==~ /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ : "not a boot id: ${bootId}"
def pidNamespace = java.nio.file.Files.readSymbolicLink(java.nio.file.Paths.get('/proc/self/ns/pid')).toString().replaceAll(/\D/, '')
def hostName = InetAddress.localHost.hostName.replace(':', '_')
def owner = "io.github.dind.devcontainer.owner=${hostName}:${bootId}:${pidNamespace}:${maven.pid()}"
def deadline = System.currentTimeMillis() + 120_000
while (docker(['ps', '-q', '--filter', "label=${owner}"]).isEmpty()) {
    assert maven.alive : "Maven ended before starting a container:\n${log.text}"
    assert System.currentTimeMillis() < deadline : "no verify container appeared:\n${log.text}"
    Thread.sleep(100)
}
Thread.sleep(1500) // let the checks get going
maven.destroy() // SIGTERM
assert maven.waitFor(60, TimeUnit.SECONDS) : 'Maven did not exit after SIGTERM'

assert log.text.contains('Maven is stopping: removing the verification container')
assert docker(['ps', '-aq', '--filter', "label=${owner}"]).isEmpty() : 'the container survived the SIGTERM'
assert docker(['volume', 'ls', '-q', '--filter', "label=${owner}"]).isEmpty() : 'the volume survived the SIGTERM'
true
