import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import static io.github.dind.devcontainer.it.Commands.*

final String REGISTRY = '127.0.0.1:25015'
final String REPOSITORY = "${REGISTRY}/team/push-registry-devcontainer"
final String IMAGE = "${REPOSITORY}:1.0.0"
def plugin = new XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin[0]
final String PLUGIN = "${plugin.groupId.text()}:${plugin.artifactId.text()}:${plugin.version.text()}"

def record = new File(basedir, 'push-registry.log')
record.text = ''
def note = { String title, r -> record << "\$ ${title}\n${r.out}\n" }

// The same Maven the invoker runs, with the same local repository and this IT's login
def localRepo = localRepositoryPath
def userRepo = new File(System.getProperty('user.home'), '.m2/repository').toURI().toString()
def settings = new File(basedir, 'verify-settings.xml')
settings.text = new File(basedir, 'registry-settings.xml').text.replace('</settings>', """
  <profiles><profile><id>it-repo</id>
    <repositories><repository><id>local.central</id><url>${userRepo}</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>local.central</id><url>${userRepo}</url></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>it-repo</activeProfile></activeProfiles>
</settings>""")
def mvn = { List<String> args -> sh(['mvn', '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepo.path}"] + args, basedir, 600) }

// The docker CLI's own login for the pulls the test makes itself
def dockerConfig = new File(basedir, 'docker-config')
dockerConfig.mkdirs()
new File(dockerConfig, 'config.json').text = groovy.json.JsonOutput.toJson([auths: [(REGISTRY): [auth: 'ci:s3cret-push'.bytes.encodeBase64().toString()]]])
def docker = { List<String> args -> sh(['docker', '--config', dockerConfig.path] + args) }

def idLabel = "devcontainer-maven-plugin.it=${UUID.randomUUID()}"
String containerId = null
def volumes = []
try {
    def log = new File(basedir, 'build.log').text

    // 1. pushed with the settings.xml login: each layer, then a summary per tag
    assert log.contains("Pushing to ${REGISTRY} as ci (from settings.xml server ${REGISTRY})")
    assert log =~ /(?m)^\[INFO\]   [0-9a-f]{12}: Pushed$/
    assert log =~ /Pushed 127\.0\.0\.1:25015\/team\/push-registry-devcontainer:1\.0\.0: sha256:[0-9a-f]{64}, \d+ layers \(\d+ uploaded, \d+ already there\), \d+ MB, in [\d.]+ s/
    assert log =~ /Pushed 127\.0\.0\.1:25015\/team\/push-registry-devcontainer:latest: sha256:[0-9a-f]{64}, (\d+) layers \(0 uploaded, \1 already there\)/
    def tags = new URL("http://${REGISTRY}/v2/team/push-registry-devcontainer/tags/list").openConnection()
    tags.setRequestProperty('Authorization', 'Basic ' + 'ci:s3cret-push'.bytes.encodeBase64())
    assert new JsonSlurper().parse(tags.inputStream).tags.sort() == ['1.0.0', 'latest']

    // 2. a wrong password: the authentication is named, and where the login came from
    assert log.contains("failed: the registry ${REGISTRY} refused the authentication")
    assert log.contains("The login came from settings.xml server ${REGISTRY}")
    // 3. offline: refused before any registry is asked
    assert log.contains('Maven runs offline (-o): devcontainer:push does not reach the registry')
    assert log.contains('-Ddevcontainer.push.skip=true')

    // 4. the local tags removed, the image pulled by name carries its configuration
    assert sh(['docker', 'rmi', IMAGE, "${REPOSITORY}:latest"]).code == 0
    assert sh(['docker', 'image', 'inspect', IMAGE]).code != 0
    note('docker pull', docker(['pull', IMAGE]))
    def pulled = new JsonSlurper().parseText(ok(['docker', 'image', 'inspect', IMAGE]).out)[0]
    def metadata = new JsonSlurper().parseText(pulled.Config.Labels['devcontainer.metadata'])
    // the dind Feature's entry (named as devcontainer.json names it), then devcontainer.json's
    assert metadata instanceof List && metadata.size() == 2
    assert metadata[0].id == './dind' && metadata[0].privileged == true && metadata[0].postStartCommand
    assert metadata[1].overrideCommand == false && metadata[1].init == false
    // the inner daemon's volume (the Feature's), and the lasting local Maven repository of the Java set-up
    assert metadata[0].mounts*.target == ['/var/lib/docker']
    assert metadata[1].mounts*.target == ['/root/.m2/repository']
    assert pulled.Config.Labels['io.github.dind.devcontainer.fingerprint'] ==~ /sha256:[0-9a-f]{64}/

    // 5. cacheFrom: with no local image left, the build pulls the pushed one and reuses its layers
    assert sh(['docker', 'rmi', IMAGE]).code == 0
    def cached = mvn(['package', "-Ddevcontainer.build.cacheFrom=${IMAGE}"])
    note('mvn package -Ddevcontainer.build.cacheFrom', cached)
    assert cached.code == 0 : cached.out
    assert cached.out.contains("Pulling ${IMAGE} (login from settings.xml server ${REGISTRY})")
    assert cached.out.contains("Reusing layers of ${IMAGE}")
    // BuildProgress shows the daemon's "---> Using cache" as "(cached)" under the step
    // two builds: the Dockerfile's, then the dind Feature's on top of it; each starts with a FROM
    def steps = cached.out.readLines().findAll { it =~ /Step \d+\/\d+ : / && !(it =~ /Step \d+\/\d+ : FROM /) }.size()
    assert steps > 2
    assert cached.out.readLines().count { it.endsWith('  (cached)') } == steps : "every step after FROM should come from the cache:\n${cached.out}"
    assert !cached.out.contains('Reading package lists') : 'apt ran again: the cache was not used'

    // 6. generate an image-based devcontainer.json for the prebuilt image; devcontainer:verify opens it
    def workspace = new File(basedir, 'workspace')
    def dotDevcontainer = new File(workspace, '.devcontainer')
    def verified = mvn(["${PLUGIN}:generate", "${PLUGIN}:verify", "-Ddevcontainer.directory=${dotDevcontainer.path}",
                        "-Ddevcontainer.generate.prebuiltImage=${IMAGE}", "-Ddevcontainer.verify.image=${IMAGE}",
                        "-Ddevcontainer.verify.reportDirectory=${new File(basedir, 'target/prebuilt-reports').path}"])
    note('mvn generate verify (prebuilt image)', verified)
    assert verified.code == 0 : verified.out
    def json = new File(dotDevcontainer, 'devcontainer.json').text
    assert json.contains("\"image\" : \"${IMAGE}\"") && !json.contains('"build"')
    assert new File(dotDevcontainer, 'build/devcontainer.json').text.contains('"dockerfile": "../Dockerfile"')
    assert verified.out.contains("names an image: merged with the image's devcontainer.metadata label")

    // 7. the devcontainer CLI opens it by name: dumb-init is PID 1, dockerd answers, the volume is mounted
    def cli = installDevcontainerCli(new File(basedir, 'cli'))
    def up = ok([cli, 'up', '--log-format', 'text', '--workspace-folder', workspace.path, '--id-label', idLabel])
    note('devcontainer up', up)
    def outcome = new JsonSlurper().parseText(up.out.readLines().findAll { it.startsWith('{') }.last())
    assert outcome.outcome == 'success'
    containerId = outcome.containerId
    def inspect = new JsonSlurper().parseText(ok(['docker', 'inspect', containerId]).out)[0]
    assert inspect.Config.Image == IMAGE
    assert inspect.HostConfig.Privileged == true
    volumes = inspect.Mounts.findAll { it.Type == 'volume' }*.Name
    assert inspect.Mounts.any { it.Type == 'volume' && it.Destination == '/var/lib/docker' && it.Name.startsWith('dind-var-lib-docker-') }
    def exec = { List<String> command -> ok([cli, 'exec', '--workspace-folder', workspace.path, '--id-label', idLabel] + command) }
    assert exec(['cat', '/proc/1/cmdline']).out.replace('\0', ' ').startsWith('dumb-init -- /usr/local/bin/startup.sh')
    assert exec(['docker', 'info', '--format', '{{.Driver}}']).out.trim() == 'overlay2'
    assert up.out.contains('Running the postStartCommand')
} finally {
    def ids = sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.readLines().findAll { it.trim() }
    if (containerId) ids << containerId
    ids.unique().each { sh(['docker', 'rm', '-f', '-v', it]) }
    volumes.each { sh(['docker', 'volume', 'rm', it]) }
    stopRegistry(new File(basedir, 'registry'))
    sh(['docker', 'rmi', IMAGE, "${REPOSITORY}:latest"])
}
assert sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.trim().isEmpty()
volumes.each { assert sh(['docker', 'volume', 'inspect', it]).code != 0 : "volume ${it} survived" }
true
