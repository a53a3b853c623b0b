// A registry with htpasswd authentication on the default bridge's gateway address, port 25017, its
// storage in this IT's folder: a devcontainer reaches the host there, not at 127.0.0.1. Started
// here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run. Then
// debian:trixie from the engine goes into it as library/mirror-it:1, the name of a Docker Hub image.
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import static io.github.dind.devcontainer.it.Commands.*

def gateway = new JsonSlurper().parseText(ok(['docker', 'network', 'inspect', 'bridge']).out)[0].IPAM.Config
        .collect { it.Gateway }.find { it ==~ /[0-9.]+/ }
assert gateway : 'the default bridge has no IPv4 gateway'
def address = "${gateway}:25017"
def dir = new File(basedir, 'registry')
dir.mkdirs()
def entry = stdout(['htpasswd', '-Bbn', 'ci', 's3cret-mirror'], 60)
assert entry.startsWith('ci:$2')
new File(dir, 'htpasswd').text = entry
new File(dir, 'config.yml').text = """\
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${new File(dir, 'storage').path}
http:
  addr: ${address}
auth:
  htpasswd:
    realm: verify-registry-mirror-it
    path: ${new File(dir, 'htpasswd').path}
"""
def process = new ProcessBuilder('timeout', '900', '/usr/bin/docker-registry', 'serve', new File(dir, 'config.yml').path)
        .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
new File(dir, 'pid').text = process.pid().toString()
def answered = false
for (int i = 0; i < 100 && !answered; i++) {
    try {
        def connection = new URL("http://${address}/v2/").openConnection()
        connection.connectTimeout = 500
        answered = connection.responseCode == 401
    } catch (IOException ignored) {
        assert process.alive : "the registry exited: ${new File(dir, 'registry.log').text}"
        TimeUnit.MILLISECONDS.sleep(100)
    }
}
assert answered : "the registry did not answer on ${address}: ${new File(dir, 'registry.log').text}"
ok(['skopeo', 'copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', 'ci:s3cret-mirror',
    'docker-daemon:debian:trixie', "docker://${address}/library/mirror-it:1"], basedir, 300)

// templates/devcontainer.json.mustache: the plugin's own template plus the host name of the registry
// (the engine's host-gateway: the bridge's gateway) and a postCreateCommand that pulls through the
// mirror, then from the registry by its own name
def bundled = bundledTemplate('devcontainer.json.mustache')
def marker = '  "init": false,\n'
assert bundled.contains(marker)
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/devcontainer.json.mustache').text = bundled.replace(marker, marker
        + '  "runArgs": ["--add-host=registry-mirror.test:host-gateway"],\n'
        + '  "postCreateCommand": "docker pull mirror-it:1 && docker pull registry-mirror.test:25017/library/mirror-it:1",\n')
true
