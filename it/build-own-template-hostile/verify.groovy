import groovy.json.JsonSlurper
import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def name = '$(touch /tmp/pwned) `touch /tmp/pwned` "; touch /tmp/pwned; " \'$HOME\' \\ 🐳'
def image = 'build-own-template-hostile-devcontainer:1.0.0'
def config = new JsonSlurper().parseText(run(['docker', 'image', 'inspect', image]))[0].Config
assert config.Labels['it.name'] == name
assert config.Env.contains('IT_NAME=' + name)
assert config.Entrypoint == ['printf', '%s', name]
assert run(['docker', 'run', '--rm', '--network', 'none', image]) == name
assert run(['docker', 'run', '--rm', '--network', 'none', '--entrypoint', 'cat', image, '/name.txt']) == name
assert run(['docker', 'run', '--rm', '--network', 'none', '--entrypoint', 'ls', image, '/tmp']).trim().isEmpty()

def before = new File(basedir, 'containers-before.txt').text.toInteger()
assert run(['docker', 'ps', '-aq']).readLines().size() == before : 'the build left containers behind'
true
