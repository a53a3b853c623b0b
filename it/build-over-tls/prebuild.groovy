// Certificates, the TLS daemon under its watchdog, and a context (see tls-daemon.sh).
// Whether the host's engine has its bridge now: the TLS daemon must leave it alone (verify.groovy).
new File(basedir, 'docker0-before').text = String.valueOf(['ip', 'link', 'show', 'docker0'].execute().waitFor() == 0)
assert new File('/usr/bin/openssl').exists() : 'this IT needs openssl (it/prepare-host installs it)'
def command = ['bash', new File(basedir, 'tls-daemon.sh').path, 'start', String.valueOf(ProcessHandle.current().pid()),
               new File(basedir, 'dockerd.log').path]
def process = command.execute()
def out = new StringBuilder(), err = new StringBuilder()
process.consumeProcessOutput(out, err)
assert process.waitFor() == 0 : "${command} failed: ${out}${err}"
println out.toString().trim()
true
