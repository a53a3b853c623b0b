import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> proc(command) }

def log = new File(basedir, 'build.log').text
def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
def second = log.substring(log.indexOf('BUILD SUCCESS') + 1)
def passed = { String text, String description ->
    text =~ /PASSED\s+\d+\.\d\d s\s+${java.util.regex.Pattern.quote(description)}/
}

// the JDK follows maven.compiler.release, and the log says so
assert first.contains('Java: JDK 21 (openjdk-21-jdk-headless) for Java 21 from the property maven.compiler.release; Maven from debian')
def dockerfile = new File(basedir, '.devcontainer/Dockerfile').text
assert dockerfile.contains('openjdk-21-jdk-headless') && dockerfile =~ /(?m)^\s+maven \\$/
assert dockerfile.contains('ENV JAVA_HOME="/usr/lib/jvm/java-21-openjdk"')
def json = new File(basedir, '.devcontainer/devcontainer.json').text
assert json.contains('"source": "devcontainer-m2-${devcontainerId}"') && json.contains('"target": "/root/.m2/repository"')
assert json.contains('"vscjava.vscode-java-pack"') && json.contains('"ms-azuretools.vscode-containers"')

// the host's CAs (when it has any) went into the build context and the image trusts them
def hostCas = new File('/usr/local/share/ca-certificates').listFiles()?.findAll { it.name.endsWith('.crt') } ?: []
def copied = new File(basedir, '.devcontainer/ca-certificates').listFiles()?.collect { it.name } ?: []
assert copied.size() == hostCas.size() : "CA files in the context: ${copied}, on the host: ${hostCas*.name}"
if (hostCas) {
    assert dockerfile.contains('RUN update-ca-certificates')
    def image = 'verify-java-project-devcontainer:1.0.0'
    def cacerts = run(['docker', 'run', '--rm', '--entrypoint', 'sh', image, '-c',
                       'keytool -list -cacerts -storepass changeit | grep -c trustedCertEntry; grep -c "BEGIN CERTIFICATE" /etc/ssl/certs/ca-certificates.crt'])
    assert cacerts.code == 0 : cacerts.err
    hostCas.each { ca ->
        def body = ca.text.readLines().find { it ==~ /[A-Za-z0-9+\/=]{64}/ }
        // the system store (what curl, git and the inner dockerd read) holds the CA
        assert run(['docker', 'run', '--rm', '--entrypoint', 'grep', image, '-qF', body,
                    '/etc/ssl/certs/ca-certificates.crt']).code == 0 : "${ca.name} is not in the system store"
    }
}

// invocation 1: JDK 21, Maven and the project's own build inside, as root
['java and $JAVA_HOME/bin/javac are JDK 21 for the remote user', '`mvn -v` runs for the remote user on Java 21',
 '`mvn -B -q -DskipTests -Ddevcontainer.inner package` builds the project in /workspaces/verify-java-project'].each {
    assert passed(first, it) : "no PASSED row for '${it}' in the first run"
}
assert !first.contains('FAILED')

// invocation 2: rebuilt image, offline build: the artifacts were already in the volume
assert second =~ /Built verify-java-project-devcontainer:1\.0\.0/ || second.contains('Step 1/')
assert passed(second, '`mvn -B -q -o -DskipTests -Ddevcontainer.inner package` builds the project in /workspaces/verify-java-project')
assert !second.contains('FAILED')
// the jar holds the class compiled inside, for Java 21 (class file major version 65)
def jar = new java.util.jar.JarFile(new File(basedir, 'target/verify-java-project-1.0.0.jar'))
def entry = jar.getEntry('example/Hello.class')
assert entry != null : 'the devcontainer did not compile the project'
def header = new DataInputStream(jar.getInputStream(entry))
assert (header.readInt() & 0xFFFFFFFFL) == 0xCAFEBABEL && header.readUnsignedShort() == 0 && header.readUnsignedShort() == 65
jar.close()

// the local repository volume is kept between runs (that is its point); this test removes it
def volumes = run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.cache=m2',
                   '--filter', projectLabel(basedir)]).out.readLines().findAll { it }
assert volumes.size() == 1 : "expected one local repository volume, found ${volumes}"
assert volumes[0].startsWith('devcontainer-m2-verify-')
def plugins = run(['docker', 'run', '--rm', '-v', "${volumes[0]}:/m2:ro", '--entrypoint', 'ls',
                   'verify-java-project-devcontainer:1.0.0', '/m2/org/apache/maven/plugins'])
assert plugins.out.contains('maven-compiler-plugin') : plugins
assert run(['docker', 'volume', 'rm', volumes[0]]).code == 0

assert run(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
assert run(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
