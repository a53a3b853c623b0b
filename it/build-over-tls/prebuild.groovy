import static io.github.dind.devcontainer.it.Commands.*

// Certificates, the TLS daemon under its watchdog, and a context (see tls-daemon.sh).
// Whether the host's engine has its bridge now: the TLS daemon must leave it alone (verify.groovy).
new File(basedir, 'docker0-before').text = String.valueOf(sh(['ip', 'link', 'show', 'docker0']).code == 0)
assert new File('/usr/bin/openssl').exists() : 'this IT needs openssl (it/prepare-host installs it)'
def command = ['bash', new File(basedir, 'tls-daemon.sh').path, 'start', String.valueOf(ProcessHandle.current().pid()),
               new File(basedir, 'dockerd.log').path]
println ok(command, null, 180).out.trim()
true
