import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

try {
    def log = new File(basedir, 'build.log').text
    // The plugin names its daemon only at debug level; the sshd's log shows it came through ssh:
    // one session for the check in prebuild.groovy, then the plugin's (a dial-stdio per connection).
    def sessions = new File(basedir, 'ssh/sshd.log').text.findAll(/Accepted publickey for root/).size()
    assert sessions > 2 : "the plugin opened no ssh session (${sessions} in sshd.log)"
    assert log =~ /Built verify-over-ssh-devcontainer:1\.0\.0/ || log.contains('is up to date')
    assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
    assert log =~ /PASSED\s+\d+\.\d\d s\s+the inner daemon runs a container/
    assert !log.contains('FAILED')
    assert run(['docker', 'ps', '-aq', '--filter', 'name=verify-over-ssh-verify']).trim().isEmpty() : 'containers left behind'
    assert run(['docker', 'volume', 'ls', '-q', '--filter', 'name=verify-over-ssh-verify']).trim().isEmpty() : 'volumes left behind'
    assert new File(basedir, 'ssh/sshd.pid').exists() : 'the test sshd ran' 
} finally {
    def pid = new File(basedir, 'ssh/sshd.pid')
    if (pid.exists()) {
        sh(['kill', pid.text.trim()])
    }
    new File('/etc/ssh/ssh_config.d/devcontainer-it.conf').delete()
}
true
