import groovy.json.JsonSlurper
import static io.github.dind.devcontainer.it.Commands.*

def image = 'build-from-devcontainer-json-devcontainer:1.0.0'
def inspect = new JsonSlurper().parseText(stdout(['docker', 'image', 'inspect', image]))[0]
def labels = inspect.Config.Labels
println "labels: ${labels.findAll { it.key.startsWith('it.') }}"

// build.target: the dev stage, not the last one
assert labels['it.stage'] == 'dev'
// build.args, substituted as a devcontainer client substitutes them
assert labels['it.greeting'] == 'from-json'
assert inspect.Config.Env.contains('IT_GREETING=from-json')
assert labels['it.team'] == 'core' : '${localEnv:BP_IT_TEAM:nobody} with BP_IT_TEAM=core'
assert labels['it.folder'] == basedir.name : '${localWorkspaceFolderBasename}'
// the pom's <buildArgs> win over build.args, with a warning
assert labels['it.from-pom'] == 'pom'
// build.options
assert labels['it.option'] == 'from-options'
// the image records the devcontainer.json it was built from
assert new JsonSlurper().parseText(labels['devcontainer.metadata']) == [[remoteUser: 'root']]

// build.context is ../app; the Dockerfile from outside it is not in the image
def files = stdout(['docker', 'run', '--rm', '--network', 'none', '--entrypoint', 'find', image, '/ctx']).readLines().toSorted()
println "context as copied: ${files}"
assert files == ['/ctx', '/ctx/hello.txt']

def log = new File(basedir, 'build.log').text
def config = new File(basedir, '.devcontainer/devcontainer.json').canonicalFile
assert log.contains("Building from ${config}: ${new File(basedir, '.devcontainer/docker/dev.Dockerfile').canonicalFile},"
        + " context ${new File(basedir, 'app').canonicalFile}, target \"dev\", build args GREETING, TEAM, FOLDER, FROM_POM")
assert log.contains('[WARNING] <buildArgs> overrides FROM_POM of ')
assert log =~ /Building build-from-devcontainer-json-devcontainer:1\.0\.0, [^ ]+ from .*dev\.Dockerfile \(stage dev\)/
// the second run: nothing changed, nothing built
assert log.contains('Image build-from-devcontainer-json-devcontainer:1.0.0 is up to date')
true
