def log = new File(basedir, 'build.log').text
assert log.contains('No Docker daemon answered at tcp://127.0.0.1:9 (from DOCKER_HOST)')
assert log.contains('-Ddevcontainer.dockerHost=URI')
assert log.contains('docker context use')
assert !log.contains('at com.github.dockerjava') : 'no stack trace without -e'
true
