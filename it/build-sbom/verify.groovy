import groovy.json.JsonSlurper
import org.cyclonedx.Version
import org.cyclonedx.parsers.JsonParser
import static io.github.dind.devcontainer.it.Commands.*

def image = 'build-sbom-devcontainer:1.0.0'
def sbomFile = new File(basedir, 'target/devcontainer/build-sbom-devcontainer.cdx.json')
assert sbomFile.isFile() : "no SBOM at $sbomFile"

// the CycloneDX schema, through the library's own validator (cyclonedx-core-java on the test class path)
def problems = new JsonParser().validate(sbomFile.bytes, Version.VERSION_16)
assert problems.isEmpty() : "the SBOM does not validate: ${problems*.message}"

def sbom = new JsonSlurper().parse(sbomFile)
assert sbom.bomFormat == 'CycloneDX' && sbom.specVersion == '1.6'
def imageId = stdout(['docker', 'image', 'inspect', '--format', '{{.Id}}', image]).trim()
def subject = sbom.metadata.component
assert subject.type == 'container' && subject.name == 'build-sbom-devcontainer' && subject.version == '1.0.0'
assert subject['bom-ref'] == imageId
assert subject.hashes[0].content == imageId - 'sha256:'
def props = { component, name -> component.properties.findAll { it.name == 'io.github.dind.devcontainer:' + name }*.value }
assert props(subject, 'package-database') == ['/var/lib/dpkg/status']
assert sbom.compositions[0].aggregate == 'incomplete' && sbom.compositions[0].assemblies == [imageId]
def tool = sbom.metadata.tools.components[0]
assert tool.name == 'devcontainer-maven-plugin' && tool.version == pluginCoordinates(basedir).tokenize(':').last()

// JDK and Maven as generate recorded them in devcontainer.json's block of the plugin
def config = new JsonSlurper().setType(groovy.json.JsonParserType.LAX).parse(new File(basedir, '.devcontainer/devcontainer.json'))
def ours = config.customizations?.'devcontainer-maven-plugin' ?: [:]
assert props(subject, 'java-version') == [ours.javaVersion ? ours.javaVersion.toString() : 'none']
assert props(subject, 'maven') == [String.valueOf(ours.maven ?: false)]
def roles = sbom.components.findAll { props(it, 'role').any { r -> r in ['jdk', 'maven'] } }.collect { "${props(it, 'role')[0]} ${it.name}".toString() }
if (ours.javaVersion) {
    assert roles.contains("jdk openjdk-${ours.javaVersion}-jdk-headless".toString()) : roles
}
if (ours.maven) {
    assert roles.contains('maven maven') : roles
}

// the base image, with its digest or saying it is unknown (the IT engine's debian:trixie was loaded, not pulled)
def base = sbom.components.find { it.type == 'container' }
assert base.name == 'debian:trixie'
def repoDigests = stdout(['docker', 'image', 'inspect', '--format', '{{json .RepoDigests}}', 'debian:trixie']).trim()
if (repoDigests == '[]' || repoDigests == 'null') {
    assert props(base, 'digest')[0].startsWith('unknown')
} else {
    assert repoDigests.contains(props(base, 'digest')[0])
}
def os = sbom.components.find { it.type == 'operating-system' }
assert os.name == 'debian' && os.version == '13'

// the package list equals what dpkg itself lists inside the image (installed packages)
def listed = sbom.components.findAll { it.type == 'library' }.collect { "${it.name} ${it.version}".toString() }.sort()
def dpkg = stdout(['docker', 'run', '--rm', '--entrypoint', 'dpkg-query', image, '-W',
        '-f', '${db:Status-Status} ${Package} ${Version}\\n']).readLines()
        .findAll { it.startsWith('installed ') }.collect { it - 'installed ' }.sort()
assert dpkg.size() > 100 : "dpkg-query listed only $dpkg"
assert listed == dpkg : "SBOM minus dpkg: ${listed - dpkg}; dpkg minus SBOM: ${dpkg - listed}"
def purls = sbom.components.findAll { it.type == 'library' }*.purl
assert purls.every { it ==~ /pkg:deb\/debian\/[a-z0-9.%A-F-]+@[^?]+\?arch=(amd64|arm64|all)&distro=debian-13/ } : purls.findAll { !it.contains('distro=debian-13') }
assert purls.contains('pkg:deb/debian/dpkg@' + dpkg.find { it.startsWith('dpkg ') }.split(' ')[1].replace('+', '%2B')
        + '?arch=' + stdout(['docker', 'run', '--rm', '--entrypoint', 'dpkg', image, '--print-architecture']).trim()
        + '&distro=debian-13')

// attached and installed: the local repository holds it under the classifier
def log = new File(basedir, 'build.log').text
assert log.contains('Attached the SBOM as it.devcontainer:build-sbom:json:devcontainer-sbom:1.0.0')
def installed = new File(localRepositoryPath, 'it/devcontainer/build-sbom/1.0.0/build-sbom-1.0.0-devcontainer-sbom.json')
assert installed.isFile() : "not installed: $installed"
assert installed.bytes == sbomFile.bytes

// the container that read the package database: created with the project's label, and gone
def since = new File(basedir, 'engine-time-before.txt').text.trim()
def until = stdout(['docker', 'system', 'info', '--format', '{{.SystemTime}}']).trim()
def events = stdout(['docker', 'events', '--since', since, '--until', until, '--filter', 'type=container',
        '--filter', 'label=io.github.dind.devcontainer.role=sbom', '--filter', projectLabel(basedir),
        '--format', '{{.Action}}']).readLines()
assert events.contains('create') && events.contains('destroy') : "events of the SBOM's container: $events"
assert !events.contains('start') : 'the SBOM container was started'
assert events.count('create') == 2 && events.count('destroy') == 2 : "events of the SBOM's containers: $events"
assert stdout(['docker', 'ps', '-aq', '--filter', projectLabel(basedir)]).trim().isEmpty() : 'the build left a container'

// FROM scratch: no package database; the SBOM says so instead of looking complete, and the build warns
def scratchFile = new File(basedir, 'target/devcontainer/build-sbom-scratch.cdx.json')
assert new JsonParser().validate(scratchFile.bytes, Version.VERSION_16).isEmpty()
def scratch = new JsonSlurper().parse(scratchFile)
assert scratch.compositions[0].aggregate == 'unknown'
assert scratch.compositions[0].assemblies == [scratch.metadata.component['bom-ref']]
assert props(scratch.metadata.component, 'packages-unlisted')[0].contains('no package database')
assert !scratch.components.any { it.type == 'library' }
assert log.contains('[WARNING] The SBOM of build-sbom-scratch:1.0.0 (' + scratchFile.path + ') lists no OS packages')
sh(['docker', 'rmi', 'build-sbom-scratch:1.0.0', 'build-sbom-scratch:latest'])
true
