import static io.github.dind.devcontainer.it.Commands.*
import groovy.json.JsonSlurper

def image = 'build-features-devcontainer:1.0.0'
def buildLog = new File(basedir, 'build.log').text
// 1. build installed ./base (with the options ./app's dependsOn gives), then ./app
assert buildLog.contains('Installing 2 Features in this order: ./base, ./app') : buildLog
def base = buildLog.indexOf('COPY --chown=root:root base_0 /tmp/dev-container-features/base_0')
def app = buildLog.indexOf('COPY --chown=root:root app_1 /tmp/dev-container-features/app_1')
assert base > 0 && app > base : 'the Features build copies and installs ./base, then ./app'
// the install wrappers print each Feature and its options as it installs (unless the daemon's layer cache had the step)
if (buildLog.contains('Feature       : ')) {
    assert buildLog.indexOf('Feature       : Base tools') < buildLog.indexOf("Feature       : The app's tools")
    assert buildLog.contains('GREETING="hello from app"') && buildLog.contains('FLAVOUR="mint"')
}
// 2. verify passed every check: the Features' options, containerEnv, order, entrypoint and onCreateCommand
['base-feature-options', 'base-feature-container-env', 'app-feature-after-base', 'app-feature-entrypoint',
 'app-feature-on-create', 'onCreateCommand succeeds as the remote user (2 commands, one after another)'].each { check ->
    assert buildLog =~ /PASSED\s+\d+\.\d\d s\s+\Q${check}\E/ : "${check} did not pass"
}
assert !buildLog.contains('FAILED')

// 3. the label: the Features' entries (as named, with what they add), then devcontainer.json's
def labelOf = { String ref -> new JsonSlurper().parseText(ok(['docker', 'image', 'inspect', '--format',
        '{{index .Config.Labels "devcontainer.metadata"}}', ref]).out.trim()) }
def ours = labelOf(image)
assert ours.collect { it.id } == ['./base', './app', null] : ours
assert ours[1].entrypoint == '/usr/local/share/app-entrypoint.sh'

// 4. the devcontainer CLI builds and starts the same folder
def log = new File(basedir, 'devcontainer-cli.log')
def cli = installDevcontainerCli(new File(basedir, 'cli'))
def idLabel = "devcontainer-maven-plugin.it=${UUID.randomUUID()}"
def workspace = ['--workspace-folder', basedir.path, '--id-label', idLabel]
def exec = { String command -> ok([cli, 'exec'] + workspace + ['sh', '-c', command]).out.trim() }
String containerId = null
def volumes = []
// one CLI Features build at a time: they share the CLI's content image (Commands.withCliFeaturesBuild)
withCliFeaturesBuild {
    try {
        def up = sh([cli, 'up', '--log-format', 'text'] + workspace, null, 400)
        log.text = up.out
        def outcome = new JsonSlurper().parseText(up.out.readLines().findAll { it.startsWith('{') }.last())
        containerId = outcome.containerId
        if (containerId) {
            volumes = volumesOf(containerId)
        }
        assert up.code == 0 && outcome.outcome == 'success' : up.out
        // the same Feature effects inside
        assert exec('cat /opt/base/greeting') == 'hello from app|root|/root'
        assert exec('cat /opt/app/saw-base') == 'hello from app|root|/root'
        assert exec('cat /opt/app/flavour') == 'mint'
        assert exec('echo "$BASE_HOME"') == '/opt/base'
        assert exec('test -f /tmp/app-entrypoint-ran && cat /tmp/app-on-create') == 'created-by-app'
        assert exec('docker info --format {{.ServerVersion}}')
        // the same merged configuration: the CLI's image carries the label the plugin's build recorded
        def cliImage = ok(['docker', 'inspect', '--format', '{{.Config.Image}}', containerId]).out.trim()
        def theirs = labelOf(cliImage)
        assert theirs == ours : "the CLI's label:\n${theirs}\nthe plugin's:\n${ours}"
    } finally {
        def ids = sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.readLines().findAll { it.trim() }
        if (containerId) ids << containerId
        ids.unique().each { sh(['docker', 'rm', '-f', '-v', it]) }
        volumes.each { sh(['docker', 'volume', 'rm', it]) }
        removeCliImages('build-features')
        sh(['docker', 'rmi', image, 'build-features-devcontainer:latest'])
    }
}
assert sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.trim().isEmpty()

// 5. a Feature whose install.sh fails: build fails with its output, and leaves no image without the Features
def broken = new File(basedir, '.devcontainer/broken')
broken.mkdirs()
new File(broken, 'devcontainer-feature.json').text = '{"id": "broken", "version": "1.0.0", "name": "Broken"}'
new File(broken, 'install.sh').text = '#!/bin/sh\necho "about to fail"\nexit 3\n'
def config = new File(basedir, '.devcontainer/devcontainer.json')
config.text = config.text.replace('"./app": {"flavour": "mint"}', '"./app": {"flavour": "mint"}, "./broken": {}')
def failed = nestedMaven(binding.variables, basedir, ["${pluginCoordinates(basedir)}:build"])
assert failed.code != 0 : failed.out
// ./broken needs nothing: it installs in the first round, sorted after ./base
assert failed.out.contains('Installing 3 Features in this order: ./base, ./broken, ./app')
assert failed.out.contains('about to fail')
assert failed.out.contains('ERROR: Feature "Broken" (./broken) failed to install!')
assert sh(['docker', 'image', 'inspect', image]).code != 0 : 'no image carries the tag'
assert failed.out.contains('Removed the image the failed build left behind')
assert stdout(['docker', 'images', '-q', '--filter', 'dangling=true', '--filter',
               'label=org.opencontainers.image.title=build-features']).trim().isEmpty() : 'no untagged image of this build stays'
volumes.each { assert sh(['docker', 'volume', 'inspect', it]).code != 0 : "volume ${it} survived" }
true
