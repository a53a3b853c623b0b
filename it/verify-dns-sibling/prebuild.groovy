import static io.github.dind.devcontainer.it.Commands.*

// The network the devcontainer joins (runArgs in the devcontainer.json template) and a sibling `db` on it.
def network = 'devcontainer-it-dns'
def sibling = 'devcontainer-it-dns-db'
sh(['docker', 'rm', '-f', sibling])
sh(['docker', 'network', 'rm', network])
def run = { List<String> command -> println ok(command).out }
run(['docker', 'network', 'create', '--label', 'devcontainer-maven-plugin.it=verify-dns-sibling', network])
run(['docker', 'run', '-d', '--name', sibling, '--label', 'devcontainer-maven-plugin.it=verify-dns-sibling',
     '--network', network, '--network-alias', 'db', 'debian:trixie', 'sleep', '600'])

// templates/devcontainer.json.mustache: the plugin's own template plus the runArgs a user adds to
// put the devcontainer on that network.
def bundled = bundledTemplate('devcontainer.json.mustache')
def marker = '  "init": false,\n'
assert bundled.contains(marker)
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/devcontainer.json.mustache').text =
        bundled.replace(marker, marker + '  "runArgs": ["--network", "devcontainer-it-dns"],\n')
true
