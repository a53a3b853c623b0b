def log = new File(basedir, 'build.log').text
assert log.contains('The base image debian:no-such-tag-for-the-it is not on the Docker daemon and cannot be pulled')
assert log.contains('-Ddevcontainer.build.pull=never')
assert log.contains('The base image debian:no-such-tag-for-the-it is not on the Docker daemon, and pull=never')
true
