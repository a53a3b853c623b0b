// A registry with htpasswd authentication on the default bridge's gateway address, port 25017, its
// storage in this IT's folder: a devcontainer reaches the host there, not at 127.0.0.1. Started
// here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run. Then
// debian:trixie from the engine goes into it as library/mirror-it:1, the name of a Docker Hub image.
import groovy.json.JsonSlurper
import static io.github.dind.devcontainer.it.Commands.*

def gateway = new JsonSlurper().parseText(ok(['docker', 'network', 'inspect', 'bridge']).out)[0].IPAM.Config
        .collect { it.Gateway }.find { it ==~ /[0-9.]+/ }
assert gateway : 'the default bridge has no IPv4 gateway'
def address = "${gateway}:25017"
startRegistry(new File(basedir, 'registry'), address, 'verify-registry-mirror-it', 's3cret-mirror', 900, false)
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
