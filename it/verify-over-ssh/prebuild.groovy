import java.nio.file.Files
import java.nio.file.Path
import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def sshd = new File('/usr/sbin/sshd')
assert sshd.exists() : 'this IT needs openssh-server (.ci/run installs it)'
def dir = new File(basedir, 'ssh').canonicalFile
dir.mkdirs()
def stale = new File(dir, 'sshd.pid') // an earlier run that was killed before its verify.groovy
if (stale.exists()) {
    sh(['kill', stale.text.trim()])
    stale.delete()
}
['host_key', 'host_key.pub', 'id_ed25519', 'id_ed25519.pub'].each { new File(dir, it).delete() }
run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', "${dir}/host_key".toString()])
run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', "${dir}/id_ed25519".toString()])
new File(dir, 'authorized_keys').text = new File(dir, 'id_ed25519.pub').text
new File(dir, 'known_hosts').text = '[127.0.0.1]:42122 ' + new File(dir, 'host_key.pub').text.split(' ')[0..1].join(' ') + '\n'
new File(dir, 'sshd_config').text = """\
Port 42122
ListenAddress 127.0.0.1
HostKey ${dir}/host_key
AuthorizedKeysFile ${dir}/authorized_keys
PidFile ${dir}/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
""".stripIndent()
new File('/run/sshd').mkdirs() // privilege separation directory
new File('/etc/ssh/ssh_config.d/devcontainer-it.conf').text = """\
Host devcontainer-it-ssh
  HostName 127.0.0.1
  HostKeyAlias [127.0.0.1]:42122
  IdentityFile ${dir}/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile ${dir}/known_hosts
""".stripIndent()
new File(dir, 'sshd.log').delete()
// daemonizes; its pid goes to sshd.pid, its log (one "Accepted publickey" per session) to sshd.log
run([sshd.path, '-f', "${dir}/sshd_config".toString(), '-E', "${dir}/sshd.log".toString()])
// The daemonized sshd may take a moment to listen: the same ssh the plugin runs must work before Maven starts.
def probe = ['ssh', '-T', '-o', 'BatchMode=yes', '-l', 'root', '-p', '42122', 'devcontainer-it-ssh', 'docker', 'version',
             '--format', '{{.Server.Version}}']
def last = ''
for (int i = 0; i < 40; i++) {
    def result = proc(probe, 30)
    if (result.code == 0 && result.out.trim()) {
        last = null
        break
    }
    last = result.err
    Thread.sleep(250)
}
assert last == null : "ssh to the test sshd does not work: ${last}"
true
