import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'devcontainer-cli.log')
log.text = ''
def record = { String title, r -> log << "\$ ${title}\n${r.out}\n" }

// 1. the CLI, pinned, installed into this IT's own folder
def cli = installDevcontainerCli(new File(basedir, 'cli'))

def idLabel = "devcontainer-maven-plugin.it=${UUID.randomUUID()}"
def workspace = ['--workspace-folder', basedir.path, '--id-label', idLabel]
def exec = { List<String> command -> ok([cli, 'exec'] + workspace + command) }
// a host without ~/.m2/settings.xml: the CLI runs with a HOME of its own (for ${localEnv:HOME} and the initializeCommand)
def hostHome = new File(basedir, 'host-home')
hostHome.mkdirs()
def hostEnv = [HOME: hostHome.path]
String containerId = null
def volumes = []
// one CLI Features build at a time: they share the CLI's content image (Commands.withCliFeaturesBuild)
withCliFeaturesBuild {
    try {
        // 2. devcontainer up, as VS Code would
        def up = ok([cli, 'up', '--log-format', 'text'] + workspace, null, 300, hostEnv)
        record('devcontainer up', up)
        // 2b. the initializeCommand created the missing settings.xml on the host, and the container sees it
        assert new File(hostHome, '.m2/settings.xml').text.trim() == '<settings/>'
        assert up.out.contains('maven-settings: created an empty ') : up.out
        assert exec(['sh', '-c', 'cat "$HOME/.m2/settings.xml"']).out.trim() == '<settings/>'
        def outcome = new groovy.json.JsonSlurper().parseText(up.out.readLines().findAll { it.startsWith('{') }.last())
        assert outcome.outcome == 'success'
        containerId = outcome.containerId
        volumes = ok(['docker', 'inspect', '--format', '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}',
                      containerId]).out.trim().split(/\s+/).findAll { it }
        assert volumes.any { it.startsWith('dind-var-lib-docker-') } : "no /var/lib/docker volume: ${volumes}"
        assert volumes.any { it.startsWith('devcontainer-m2-') } : "no ~/.m2/repository volume: ${volumes}"

        // 3. PID 1, dockerd under it, exactly one dockerd after the postStartCommand ran
        assert exec(['cat', '/proc/1/cmdline']).out.replace('\0', ' ').startsWith('dumb-init -- /usr/local/bin/startup.sh')
        def dockerds = {
            exec(['sh', '-c', 'for p in /proc/[0-9]*; do [ "$(cat $p/comm 2>/dev/null)" = dockerd ] && echo "${p#/proc/} $(awk \'{print $4}\' $p/stat)"; done; true'])
                    .out.readLines().findAll { it.trim() }
        }
        def running = dockerds()
        assert running.size() == 1 : "expected one dockerd after up and postStartCommand, found ${running}"
        def chain = exec(['sh', '-c', "p=${running[0].split(' ')[0]}; while [ \$p -gt 1 ]; do p=\$(awk '{print \$4}' /proc/\$p/stat); echo \$p; done"]).out
        assert chain.readLines().last().trim() == '1' : "dockerd does not descend from PID 1: ${chain}"
        assert up.out.contains('Running the postStartCommand')
        assert !up.out.toLowerCase().contains('poststartcommand failed')

        // 4. docker info and a nested container, offline
        assert exec(['docker', 'info', '--format', '{{.ServerVersion}}']).out.trim()
        def inner = exec(['sh', '-c', '''set -e
    head -c 1024 /dev/zero | docker import - cli-it-probe:latest >/dev/null
    set --
    for d in bin sbin lib lib32 lib64 libx32 usr; do [ -e "/$d" ] && set -- "$@" -v "/$d:/$d:ro"; done
    docker run --rm --pull=never "$@" cli-it-probe:latest /bin/sh -c 'echo nested-container-ok'
    docker rmi cli-it-probe:latest >/dev/null'''])
        record('nested container', inner)
        assert inner.out.contains('nested-container-ok')

        // 4b. the compose and buildx plugins: `docker compose version`, and a BuildKit build (FROM scratch: offline)
        def compose = exec(['docker', 'compose', 'version'])
        record('docker compose version', compose)
        assert compose.out.contains('Docker Compose version')
        def buildkit = exec(['sh', '-c', '''set -e
    d=$(mktemp -d); printf 'FROM scratch\\nCOPY probe /probe\\n' >"$d/Dockerfile"; echo cli-it >"$d/probe"
    docker buildx build --progress=plain --tag cli-it-buildkit:latest "$d" 2>&1
    docker image inspect cli-it-buildkit:latest >/dev/null && echo buildkit-build-ok
    docker rmi cli-it-buildkit:latest >/dev/null; rm -rf "$d"'''])
        record('BuildKit build', buildkit)
        assert buildkit.out.contains('buildkit-build-ok')
        assert buildkit.out =~ /#\d+ \[internal\] load build definition/ : 'not a BuildKit build'

        // 4c. the JDK and Maven the pom asked for, as the CLI's user gets them
        def mvn = exec(['mvn', '-v'])
        record('mvn -v', mvn)
        assert mvn.out.contains('Apache Maven 3.') && mvn.out =~ /Java version: 21\./ : mvn.out

        // 5. start-ups racing each other (entrypoint and postStartCommand do) start one dockerd
        def race = exec(['bash', '-c', '''kill "$(cat /var/run/docker.pid)"
    for i in $(seq 300); do [ -e /var/run/docker.pid ] || pgrep -x dockerd >/dev/null || break; sleep 0.1; done
    if pgrep -x dockerd >/dev/null; then echo "the killed dockerd is still there (a zombie nobody reaps?)"; exit 1; fi
    for i in 1 2 3 4 5 6; do /usr/local/bin/startup.sh & done
    failed=0; for job in $(jobs -p); do wait "$job" || failed=$((failed + 1)); done
    echo "failed=$failed"'''])
        record('racing start-ups', race)
        assert race.out.contains('failed=0')
        // the entrypoint's supervision races them too (it starts a dockerd that exited on its own after 1 s):
        // one of all these starts dockerd, the others find it
        def containerLog = ok(['docker', 'logs', containerId]).out
        def noticed = containerLog.lastIndexOf('dockerd exited on its own')
        def sinceKill = noticed < 0 ? '' : containerLog.substring(noticed)
        assert race.out.count('starting dockerd') + sinceKill.count('starting dockerd') == 1 : "${race.out}\n--- container log since the kill ---\n${sinceKill}"
        assert dockerds().size() == 1

        // 6. suspend/resume: stop, then devcontainer up again; dockerd answers, still only one
        ok(['docker', 'stop', containerId])
        def again = ok([cli, 'up', '--log-format', 'text'] + workspace, null, 300, hostEnv)
        record('devcontainer up after stop', again)
        assert new groovy.json.JsonSlurper().parseText(again.out.readLines().findAll { it.startsWith('{') }.last()).containerId == containerId
        assert exec(['docker', 'info', '--format', '{{.ServerVersion}}']).out.trim()
        assert dockerds().size() == 1
    } finally {
        // everything this test made: the container, its volumes, the CLI's images
        def ids = sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.readLines().findAll { it.trim() }
        if (containerId) ids << containerId
        ids.unique().each { sh(['docker', 'rm', '-f', '-v', it]) }
        volumes.each { sh(['docker', 'volume', 'rm', it]) }
        removeCliImages('devcontainer-cli')
    }
}
assert sh(['docker', 'ps', '-aq', '--filter', "label=${idLabel}"]).out.trim().isEmpty()
volumes.each { assert sh(['docker', 'volume', 'inspect', it]).code != 0 : "volume ${it} survived" }
true
