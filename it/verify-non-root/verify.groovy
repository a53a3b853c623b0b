def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+postStartCommand succeeds and starts no second dockerd\s+exit code 0 as dev; one dockerd/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dev-uses-docker:/
// the lifecycle command right after the first start, as the remote user, through /bin/sh -c (a string)
assert log =~ /PASSED\s+\d+\.\d\d s\s+postStartCommand succeeds as the remote user\s+exit code 0 as dev: \/bin\/sh -c sudo -n \/usr\/local\/bin\/startup.sh/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dev-may-not-sudo-anything-else:/
assert !log.contains('FAILED')
assert new File(basedir, '.devcontainer/devcontainer.json').text.contains('"postStartCommand": "sudo -n /usr/local/bin/startup.sh"')
assert ['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
true
