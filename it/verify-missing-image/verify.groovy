def log = new File(basedir, 'build.log').text
assert log.contains('The image no-such-image:never-built is not on the Docker daemon. Build it first (mvn devcontainer:build')
assert log.contains('-Ddevcontainer.verify.image=NAME:TAG')
true
