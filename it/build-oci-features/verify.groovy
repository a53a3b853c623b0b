import static io.github.dind.devcontainer.it.Commands.*
import groovy.json.JsonSlurper

final String REGISTRY = '127.0.0.1:25016'
final String HELLO = "${REGISTRY}/it/features/hello:1"
final String IMAGE = 'build-oci-features-devcontainer:1.0.0'
def registryDir = new File(basedir, 'registry')
def lockfile = new File(basedir, '.devcontainer/devcontainer-lock.json')
def featureCache = new File(localRepositoryPath, '.cache/devcontainer-maven-plugin/features')
def record = new File(basedir, 'build-oci-features.log')
record.text = ''
def note = { String title, r -> record << "\$ ${title}\n${r.out}\n" }

def cliEnv = [NODE_EXTRA_CA_CERTS: new File(registryDir, 'ca.pem').path,
              DEVCONTAINERS_OCI_AUTH: "${REGISTRY}|ci|s3cret-features".toString(),
              TMPDIR: new File(basedir, 'tmp').path]
def mavenOpts = [MAVEN_OPTS: "-Djavax.net.ssl.trustStore=${new File(registryDir, 'truststore.jks')} -Djavax.net.ssl.trustStorePassword=changeit".toString()]
def build = "${pluginCoordinates(basedir)}:build".toString()
def mvn = { String title, List<String> args -> def r = sh(nestedMavenCommand(binding.variables, args), basedir, 600, mavenOpts); note(title, r); r }
def stopRegistry = {
    def pid = new File(registryDir, 'pid')
    if (pid.exists()) {
        ProcessHandle.of(pid.text.trim() as long).ifPresent { registry ->
            registry.descendants().forEach { it.destroy() }
            registry.destroy()
            registry.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS)
        }
        pid.delete()
    }
}

def labelOf = { String ref -> new JsonSlurper().parseText(ok(['docker', 'image', 'inspect', '--format',
        '{{index .Config.Labels "devcontainer.metadata"}}', ref]).out.trim()) }
try {
    // 1. build fetched hello with the settings.xml login over TLS, installed it first, and wrote the lockfile
    def buildLog = new File(basedir, 'build.log').text
    def fetched = buildLog =~ /Feature \Q${HELLO}\E: (sha256:[0-9a-f]{64}), fetched from \Q${REGISTRY}\E \(\d+ KB, as ci from settings.xml server \Q${REGISTRY}\E\)/
    assert fetched.find() : buildLog
    String digest = fetched.group(1)
    assert buildLog.contains("Installing 3 Features in this order: ${HELLO}, ./app, ./late") : 'the CLI order: hello; ./app (dependsOn); ./late (installsAfter its alias)'
    assert buildLog.contains("devcontainer-lock.json: ${HELLO} at ${digest}")
    ['hello-feature-options', 'hello-feature-container-env', 'app-feature-after-hello', 'late-feature-after-hello',
     'hello-feature-on-create'].each { check ->
        assert buildLog =~ /PASSED\s+\d+\.\d\d s\s+\Q${check}\E/ : "${check} did not pass"
    }
    assert !buildLog.contains('FAILED')
    def ours = labelOf(IMAGE)
    assert ours.collect { it.id } == [HELLO, './app', './late', null] : ours
    assert ours[0].onCreateCommand == 'echo created-by-hello > /tmp/hello-on-create'

    def lock = new JsonSlurper().parseText(lockfile.text)
    assert lock.features.keySet() == [HELLO] as Set
    assert lock.features[HELLO] == [version: '1.0.0', resolved: "${REGISTRY}/it/features/hello@${digest}".toString(), integrity: digest]
    String pluginLockfile = lockfile.text

    // 2. the devcontainer CLI builds and starts the same folder: the same effects, label and lockfile
    assert lockfile.delete()
    def cli = new File(basedir, 'cli/node_modules/.bin/devcontainer').path
    def idLabel = "devcontainer-maven-plugin.it=${UUID.randomUUID()}"
    def workspace = ['--workspace-folder', basedir.path, '--id-label', idLabel]
    def exec = { String command -> ok([cli, 'exec'] + workspace + ['sh', '-c', command], null, 120, cliEnv).out.trim() }
    String containerId = null
    def volumes = []
    // one CLI Features build at a time: they share the CLI's content image (Commands.withCliFeaturesBuild)
    withCliFeaturesBuild {
        try {
            def up = sh([cli, 'up', '--log-format', 'text'] + workspace, null, 400, cliEnv)
            note('devcontainer up', up)
            def outcome = new JsonSlurper().parseText(up.out.readLines().findAll { it.startsWith('{') }.last())
            containerId = outcome.containerId
            if (containerId) {
                volumes = volumesOf(containerId)
            }
            assert up.code == 0 && outcome.outcome == 'success' : up.out
            assert exec('cat /opt/hello/greeting') == 'hello from json|root'
            assert exec('cat /opt/app/saw-hello') == 'hello from json|root'
            assert exec('cat /opt/late/saw-hello') == 'hello from json|root'
            assert exec('echo "$HELLO_HOME"') == '/opt/hello'
            assert exec('cat /tmp/hello-on-create') == 'created-by-hello'
            def cliImage = ok(['docker', 'inspect', '--format', '{{.Config.Image}}', containerId]).out.trim()
            def theirs = labelOf(cliImage)
            assert theirs == ours : "the CLI's label:\n${theirs}\nthe plugin's:\n${ours}"
            assert lockfile.text == pluginLockfile : "the CLI's devcontainer-lock.json:\n${lockfile.text}\nthe plugin's:\n${pluginLockfile}"
        } finally {
            def ids = sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.readLines().findAll { it.trim() }
            if (containerId) ids << containerId
            ids.unique().each { sh(['docker', 'rm', '-f', '-v', it]) }
            volumes.each { sh(['docker', 'volume', 'rm', it]) }
            removeCliImages('build-oci-features')
        }
    }
    assert sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.trim().isEmpty()
    volumes.each { assert sh(['docker', 'volume', 'inspect', it]).code != 0 : "volume ${it} survived" }

    // 3. a wrong password: hey (./late's installsAfter, pinned by no lockfile entry) is asked by tag and refused
    def refused = mvn('mvn build, a wrong password', ['-gs', new File(basedir, 'wrong-settings.xml').path, build])
    assert refused.code != 0
    assert refused.out.contains("The Feature \"${REGISTRY}/it/features/hey\" cannot be fetched: the registry ${REGISTRY}"
            + " refused the manifest it/features/hey:latest to the login ci from settings.xml server ${REGISTRY}") : refused.out

    // 4. the registry stopped: offline, the build takes the Features from the cache (hello pinned by the lockfile)
    stopRegistry()
    def offline = mvn('mvn -o build, the registry stopped', ['-o', build, '-Ddevcontainer.build.always=true'])
    assert offline.code == 0 : offline.out
    assert offline.out.contains("Feature ${HELLO}: ${digest}, from the cache")
    assert !offline.out.contains('fetched from')
    assert offline.out.contains("Installing 3 Features in this order: ${HELLO}, ./app, ./late")

    // 5. the cache emptied: offline fails naming the Feature and saying it is offline
    assert featureCache.deleteDir()
    def empty = mvn('mvn -o build, the Feature cache emptied', ['-o', build])
    assert empty.code != 0
    assert empty.out.contains("The Feature \"${HELLO}\" cannot be fetched: Maven runs offline (-o), and it is not in the"
            + " Feature cache ${featureCache} (no manifest ${digest}, which devcontainer-lock.json pins)") : empty.out

    // 6. online, with nothing listening where the registry was
    def down = mvn('mvn build, no registry', [build])
    assert down.code != 0
    assert down.out.contains("The Feature \"${HELLO}\" cannot be fetched: nothing answers at https://${REGISTRY} (") : down.out
    assert !down.out.contains('ClosedChannelException')
} finally {
    stopRegistry()
    new File(registryDir, 'storage').deleteDir()
    sh(['docker', 'rmi', IMAGE, 'build-oci-features-devcontainer:latest'])
}
assert !new File(registryDir, 'storage').exists()
true
