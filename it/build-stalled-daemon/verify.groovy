def log = new File(basedir, 'build.log').text
assert log.contains('No Docker daemon answered at unix:///tmp/devcontainer-it stalled daemon/docker.sock (from DOCKER_HOST)')
assert log.contains('it did not answer within 10 s')
def total = (log =~ /Total time:\s+([0-9.]+) s/)
assert total.find() : 'the build took minutes, or Maven printed no total'
assert total.group(1).toDouble() < 60 : "the build waited ${total.group(1)} s for a daemon that never answers"
// docker-java is bundled under io.github.dind.devcontainer.shaded: its frames carry that name
assert !(log =~ /\bat (com\.github\.dockerjava|io\.github\.dind\.devcontainer\.shaded)\./) : 'no stack trace without -e'
true
