import static io.github.dind.devcontainer.it.Commands.*

// The network the devcontainer joins (runArgs in the devcontainer.json template), MTU 1400.
def network = 'devcontainer-it-mtu1400'
sh(['docker', 'network', 'rm', network])
println ok(['docker', 'network', 'create', '--label', 'devcontainer-maven-plugin.it=verify-mtu',
            '--opt', 'com.docker.network.driver.mtu=1400', network]).out

// templates/devcontainer.json.mustache: the plugin's own template plus the runArgs a user adds to
// put the devcontainer on that network.
def bundled = bundledTemplate('devcontainer.json.mustache')
def marker = '  "init": false,\n'
assert bundled.contains(marker)
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/devcontainer.json.mustache').text =
        bundled.replace(marker, marker + '  "runArgs": ["--network", "devcontainer-it-mtu1400"],\n')
true
