import static io.github.dind.devcontainer.it.Commands.*

// 1. verify passed with the slow dockerd: docker info answered only after the 4 s delay
def buildLog = new File(basedir, 'build.log').text
def ready = (buildLog =~ /time to docker info: (\d+\.\d\d) s/)[0][1].toDouble()
assert ready >= 4.0 : "dockerd was not slowed: ready after ${ready} s"
assert buildLog =~ /PASSED\s+\d+\.\d\d s\s+slow-dockerd/
assert !buildLog.contains('FAILED')

// 2. the user's own onCreateCommand, written into devcontainer.json as the README shows: it needs
// dockerd, and nothing in it waits (the dind Feature's onCreateCommand runs first)
def config = new File(basedir, '.devcontainer/devcontainer.json')
assert !(config.text =~ /(?m)^\s*"onCreateCommand"/) : 'the generated devcontainer.json leaves onCreateCommand to the user'
config.text = config.text.replace('  "init": false,\n', '  "init": false,\n  "onCreateCommand": "docker info",\n')
assert config.text.contains('"onCreateCommand": "docker info"')

// 2b. verify with the user's onCreateCommand: it runs after the Feature's wait, one after the other
def again = nestedMaven(binding.variables, basedir, ['verify', '-Ddevcontainer.verify.only=running,lifecycle'])
assert again.code == 0 : again.out
assert again.out =~ /PASSED\s+\d+\.\d\d s\s+onCreateCommand succeeds as the remote user \(2 commands, one after another\)\s+exit code 0 as \S+: \/bin\/sh -c \S*startup\.sh then \/bin\/sh -c docker info/

def log = new File(basedir, 'devcontainer-cli.log')
log.text = ''
def record = { String title, r -> log << "\$ ${title}\n${r.out}\n" }

// 3. the CLI, pinned, installed into this IT's own folder
def cli = installDevcontainerCli(new File(basedir, 'cli'))

def idLabel = "devcontainer-maven-plugin.it=${UUID.randomUUID()}"
def workspace = ['--workspace-folder', basedir.path, '--id-label', idLabel]
String containerId = null
def volumes = []
// one CLI Features build at a time: they share the CLI's content image (Commands.withCliFeaturesBuild)
withCliFeaturesBuild {
    try {
        // 4. devcontainer up: the onCreateCommand runs while dockerd is still 4 s away, waits, and docker info answers
        def up = sh([cli, 'up', '--log-format', 'text'] + workspace)
        record('devcontainer up', up)
        def outcomes = up.out.readLines().findAll { it.startsWith('{') }
        def outcome = outcomes ? new groovy.json.JsonSlurper().parseText(outcomes.last()) : [:]
        containerId = outcome.containerId
        if (containerId) {
            volumes = sh(['docker', 'inspect', '--format', '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}',
                          containerId]).out.trim().split(/\s+/).findAll { it }
        }
        assert up.code == 0 && outcome.outcome == 'success' : "devcontainer up failed:\n${up.out}"
        assert up.out.contains('Running the onCreateCommand')
        assert up.out.contains('Server Version:') : 'the onCreateCommand\'s docker info printed no server'
        assert !up.out.contains('Cannot connect to the Docker daemon')
        def dockerdLog = ok(['docker', 'exec', containerId, 'cat', '/var/log/dockerd.log']).out
        assert dockerdLog.contains('API listen on /var/run/docker.sock')
    } finally {
        def ids = sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.readLines().findAll { it.trim() }
        if (containerId) ids << containerId
        ids.unique().each { sh(['docker', 'rm', '-f', '-v', it]) }
        volumes.each { sh(['docker', 'volume', 'rm', it]) }
        removeCliImages('devcontainer-cli-slow-dockerd')
    }
}
assert sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.trim().isEmpty()
volumes.each { assert sh(['docker', 'volume', 'inspect', it]).code != 0 : "volume ${it} survived" }
assert sh(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
