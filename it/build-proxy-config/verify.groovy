def log = new File(basedir, 'build.log').text
assert log.contains('proxy seen: HTTP_PROXY=http://proxy.invalid:3128 https_proxy=http://proxy.invalid:3129 no_proxy=from-the-pom')
new File('/tmp/devcontainer-it-docker-config/config.json').delete()
new File('/tmp/devcontainer-it-docker-config').delete()
true
