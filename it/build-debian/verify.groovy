import groovy.json.JsonSlurper
import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def inspect = new JsonSlurper().parseText(run(['docker', 'image', 'inspect', 'build-debian-devcontainer:1.0.0']))[0]
assert inspect.RepoTags.containsAll(['build-debian-devcontainer:1.0.0', 'build-debian-devcontainer:latest'])
def labels = inspect.Config.Labels
assert labels['org.opencontainers.image.title'] == 'Build "Debian" $HOME \\ `id` 🐳'
assert labels['org.opencontainers.image.version'] == '1.0.0'
assert labels['io.github.dind.devcontainer.fingerprint'] ==~ /sha256:[0-9a-f]{64}/
assert !labels.containsKey('org.opencontainers.image.created') : 'created is recorded only when asked'
def git = proc(['git', '-C', basedir.path, 'rev-parse', 'HEAD'])
if (git.code == 0) {
    assert labels['org.opencontainers.image.revision'] == git.out.trim()
}
assert inspect.Config.Entrypoint == ['dumb-init', '--', '/usr/local/bin/startup.sh']
assert inspect.Config.Cmd == ['sleep', 'infinity']

def log = new File(basedir, 'build.log').text
assert log =~ /Step \d+\/\d+ : RUN apt-get update/
assert log.contains('Built build-debian-devcontainer:1.0.0, build-debian-devcontainer:latest: image ')
assert log.contains('Image build-debian-devcontainer:1.0.0 is up to date')
assert !log.contains('\r')
assert log.contains('Maven runs offline: base images are not pulled (pull=never)')

def before = new File(basedir, 'containers-before.txt').text.toInteger()
assert run(['docker', 'ps', '-aq']).readLines().size() == before : 'the build left containers behind'
true
