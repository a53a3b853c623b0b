// A registry on 127.0.0.1:25015 with htpasswd authentication and its storage in this IT's folder.
// Started here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run.
import java.util.concurrent.TimeUnit
import static io.github.dind.devcontainer.it.Commands.*

def dir = new File(basedir, 'registry')
dir.mkdirs()
def entry = stdout(['htpasswd', '-Bbn', 'ci', 's3cret-push'], 60)
assert entry.startsWith('ci:$2')
new File(dir, 'htpasswd').text = entry
new File(dir, 'config.yml').text = """\
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${new File(dir, 'storage').path}
  delete:
    enabled: true
http:
  addr: 127.0.0.1:25015
auth:
  htpasswd:
    realm: push-registry-it
    path: ${new File(dir, 'htpasswd').path}
"""
def process = new ProcessBuilder('timeout', '900', '/usr/bin/docker-registry', 'serve', new File(dir, 'config.yml').path)
        .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
new File(dir, 'pid').text = process.pid().toString()
for (int i = 0; i < 100; i++) {
    try {
        def connection = new URL('http://127.0.0.1:25015/v2/').openConnection()
        connection.connectTimeout = 500
        if (connection.responseCode == 401) {
            return true
        }
    } catch (IOException ignored) {
    }
    assert process.alive : "the registry exited: ${new File(dir, 'registry.log').text}"
    TimeUnit.MILLISECONDS.sleep(100)
}
throw new AssertionError("the registry did not answer on 127.0.0.1:25015: ${new File(dir, 'registry.log').text}")
