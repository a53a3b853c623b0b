def log = new File(basedir, 'build.log').text
assert log.contains('No Docker daemon answered at tcp://127.0.0.1:9 (from DOCKER_HOST)')
assert log.contains('-Ddevcontainer.dockerHost=URI')
assert log.contains('docker context use')
// docker-java is bundled under io.github.dind.devcontainer.shaded: its frames carry that name
assert !(log =~ /\bat (com\.github\.dockerjava|io\.github\.dind\.devcontainer\.shaded)\./) : 'no stack trace without -e'
true
