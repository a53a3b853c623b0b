import static io.github.dind.devcontainer.it.Commands.*

final String REGISTRY = '127.0.0.1:25017'
final String TAG = "${REGISTRY}/base/debian:stable"
final String PLUGIN = pluginCoordinates(basedir)
def dockerfile = new File(basedir, '.devcontainer/Dockerfile')
def from = { File file -> file.readLines().find { it.startsWith('FROM ') } }
def registryDir = new File(basedir, 'registry')

def record = new File(basedir, 'pinned-base-registry.log')
record.text = ''
// Maven as a developer runs it, the login for the registry from DEVCONTAINERS_OCI_AUTH this time
def mvn = { List<String> args ->
    def r = sh(nestedMavenCommand(this.binding.variables, ["${PLUGIN}:generate"] + args), basedir, 300,
            [DEVCONTAINERS_OCI_AUTH: "${REGISTRY}|ci|s3cret-pins".toString()])
    record << "\$ mvn ${args.join(' ')}\n${r.out}\n"
    r
}
// publishes an engine image under the tag; its manifest's digest
def publish = { String image, List<String> options ->
    def digest = new File(registryDir, "publish-${System.nanoTime()}.digest")
    ok(['skopeo', 'copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', 'ci:s3cret-pins', '--digestfile', digest.path]
            + options + ["docker-daemon:${image}", "docker://${TAG}"], basedir, 300)
    digest.text.trim()
}

try {
    def log = new File(basedir, 'build.log').text
    final String FIRST = new File(registryDir, 'first.digest').text.trim()

    // 1. online, with the settings.xml login: pinned to the digest skopeo published
    assert from(dockerfile) == "FROM ${TAG}@${FIRST}"
    assert log.contains("Base image ${TAG} pinned to ${FIRST} (the registry ${REGISTRY})")
    assert dockerfile.readLines()[0].contains(", FROM ${TAG}@${FIRST}. It rewrites this file only while it is unchanged but for")
    // 2. offline: no registry asked, the engine holds no digest of that tag, FROM floats; said once
    assert from(new File(basedir, 'offline/Dockerfile')) == "FROM ${TAG}"
    assert log.count("[WARNING] Cannot pin the base image ${TAG} to a digest: Maven runs offline (-o), so no registry is asked;"
            + ' the Docker engine has no digest of it') == 1

    // 3. a second, different build under the same tag: updatePins moves the pin and says from what to what
    final String SECOND = publish('debian:forky', [])
    assert SECOND != FIRST
    def update = mvn(['-Ddevcontainer.generate.updatePins=true'])
    assert update.code == 0 : update.out
    assert update.out.contains("Base image ${TAG}: ${FIRST} \u2192 ${SECOND} (the registry ${REGISTRY})")
    assert from(dockerfile) == "FROM ${TAG}@${SECOND}"

    // 4. an update bot pins the tag's newest manifest (the same build as an OCI manifest: another digest);
    //    generate with another package keeps the bot's pin and still maintains the rest of the file
    final String THIRD = publish('debian:forky', ['--format', 'oci'])
    assert ![FIRST, SECOND].contains(THIRD)
    dockerfile.text = dockerfile.text.replace("\nFROM ${TAG}@${SECOND}\n", "\nFROM ${TAG}@${THIRD}\n")
    def bumped = mvn(['-Ddevcontainer.generate.packages=jq'])
    assert bumped.code == 0 : bumped.out
    assert bumped.out.contains("Dockerfile: keeping FROM ${TAG}@${THIRD}, which replaced ${TAG}@${SECOND} since generate wrote it")
    assert bumped.out =~ /(?m)^\[INFO\]   Dockerfile\s+updated$/
    assert !bumped.out.contains('Kept ')
    assert from(dockerfile) == "FROM ${TAG}@${THIRD}"
    assert dockerfile.text.contains('        jq \\\n')
    assert dockerfile.readLines()[0].contains(", FROM ${TAG}@${THIRD}. ")

    // 5. pinning off and build's requirePinnedBase: refused naming the line, before the daemon is asked
    def refused = mvn(["${PLUGIN}:build", '-Ddevcontainer.generate.pinBaseImage=false', '-Ddevcontainer.build.requirePinnedBase=true'])
    assert refused.code != 0 : refused.out
    assert from(dockerfile) == "FROM ${TAG}"
    assert refused.out.contains('-Ddevcontainer.build.requirePinnedBase=true refuses a base image without a digest')
    // line 5 of the file: its marker line first
    assert refused.out.contains("has one: line 5, FROM ${TAG}. Pin it: mvn devcontainer:generate writes the base image")
    assert dockerfile.readLines()[4] == "FROM ${TAG}"
    assert !refused.out.contains('Pulling ') && !refused.out.contains('Step 1/')

    // the tag was asked twice (steps 1 and 3): never offline, never while a pin stood, never with pinning off
    def asked = new File(registryDir, 'registry.log').readLines().findAll {
        it =~ /"GET \/v2\/base\/debian\/manifests\/stable HTTP\/1\.1" 200 .*"devcontainer-maven-plugin"$/
    }
    assert asked.size() == 2 : asked.join('\n')
} finally {
    stopRegistry(registryDir)
}
true
