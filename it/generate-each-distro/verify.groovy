import groovy.json.JsonSlurper
import static io.github.dind.devcontainer.it.Commands.*

def expected = [
    wolfi : ['FROM cgr.dev/chainguard/wolfi-base:latest', 'apk add --no-cache', 'dockerd \\', 'docker-cli \\',
             'docker-cli-buildx \\', 'docker-compose \\', 'posix-libc-utils', 'libxtst \\',
             'for library in libstdc++.so libXext.so.6 libXrender.so.1 libXtst.so.6 libXi.so.6 libfreetype.so.6; do'],
    alpine: ['FROM alpine:3.24', 'apk add --no-cache', 'docker-engine \\', 'iptables-legacy \\',
             'docker-cli-buildx \\', 'docker-cli-compose \\'],
    debian: ['FROM debian:trixie', 'apt-get install -y --no-install-recommends', 'docker.io \\', 'docker-cli \\',
             'useradd --create-home --shell /bin/bash --groups docker "dev"'],
    ubuntu: ['FROM ubuntu:24.04', 'apt-get install -y --no-install-recommends', 'docker.io \\',
             'docker-buildx \\', 'docker-compose-v2 \\', 'xz-utils \\', 'libfreetype6 \\',
             'openjdk-21-jdk-headless \\', 'maven \\'],
]
def log = new File(basedir, 'build.log').text
// alpine: one warning, naming the plugin list it leaves out; the glibc distros: none
assert log.count('JetBrains IDEs (IntelliJ IDEA and the others) cannot open this devcontainer') == 1 : log
assert log =~ /alpine uses musl\. VS Code and the devcontainer CLI can\. For a JetBrains IDE choose .*debian.*; until then .*jetbrainsPlugins.* is not written into devcontainer\.json/

expected.each { distro, snippets ->
    def dir = new File(basedir, "out/${distro}")
    def dockerfile = new File(dir, 'Dockerfile').text
    snippets.each { assert dockerfile.contains(it) : "${distro}: '${it}' missing from\n${dockerfile}" }

    // JSONC -> JSON: drop the comment lines, then any JSON parser must accept it
    def json = new File(dir, 'devcontainer.json').readLines().findAll { !it.trim().startsWith('//') }.join('\n')
    def config = new JsonSlurper().parseText(json)
    assert config.overrideCommand == false
    assert config.features.keySet() as List == ['./dind']
    def dind = new JsonSlurper().parseText(new File(dir, 'dind/devcontainer-feature.json').readLines()
            .findAll { !it.trim().startsWith('//') }.join('\n'))
    assert dind.privileged == true && dind.onCreateCommand && dind.postStartCommand
    assert config.remoteUser == (distro == 'debian' ? 'dev' : 'root')
    if (distro == 'alpine') {
        assert !config.customizations.containsKey('jetbrains') : 'JetBrains IDEs cannot open alpine'
        assert !dockerfile.contains('unzip')
    } else {
        assert config.customizations.jetbrains.backend == 'IntelliJ'
        assert config.customizations.jetbrains.plugins == (distro == 'wolfi' ? ['org.intellij.plugins.hcl'] : null)
    }

    def shellcheck = sh(['shellcheck', new File(dir, 'startup.sh').path], null, 60)
    assert shellcheck.code == 0 : "${distro}: shellcheck found problems:\n${shellcheck.out}"
}

true
