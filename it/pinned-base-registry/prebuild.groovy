// A registry on 127.0.0.1:25017 with htpasswd authentication and its storage in this IT's folder,
// holding debian:trixie as base/debian:stable (its manifest digest in registry/first.digest).
// Started here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run.
import java.util.concurrent.TimeUnit
import static io.github.dind.devcontainer.it.Commands.*

final String REGISTRY = '127.0.0.1:25017'
def dir = new File(basedir, 'registry')
dir.mkdirs()
def entry = stdout(['htpasswd', '-Bbn', 'ci', 's3cret-pins'], 60)
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
  addr: ${REGISTRY}
auth:
  htpasswd:
    realm: pinned-base-it
    path: ${new File(dir, 'htpasswd').path}
"""
def process = new ProcessBuilder('timeout', '600', '/usr/bin/docker-registry', 'serve', new File(dir, 'config.yml').path)
        .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
new File(dir, 'pid').text = process.pid().toString()
boolean up = false
for (int i = 0; i < 100 && !up; i++) {
    try {
        def connection = new URL("http://${REGISTRY}/v2/").openConnection()
        connection.connectTimeout = 500
        up = connection.responseCode == 401
    } catch (IOException ignored) {
    }
    assert process.alive : "the registry exited: ${new File(dir, 'registry.log').text}"
    if (!up) TimeUnit.MILLISECONDS.sleep(100)
}
assert up : "the registry did not answer on ${REGISTRY}: ${new File(dir, 'registry.log').text}"

// the first build of the tag: the engine's debian:trixie, copied as it is (a Docker v2 schema 2 manifest)
def digest = new File(dir, 'first.digest')
ok(['skopeo', 'copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', 'ci:s3cret-pins', '--digestfile', digest.path,
    'docker-daemon:debian:trixie', "docker://${REGISTRY}/base/debian:stable"], basedir, 300)
assert digest.text.trim() ==~ /sha256:[0-9a-f]{64}/
true
