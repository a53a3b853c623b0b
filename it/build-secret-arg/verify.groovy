def log = new File(basedir, 'build.log').text

// refused before any daemon is asked, naming the argument, its source, what it looks like, the safe ways and the allow-list
def refused = 'The build argument NPM_TOKEN (<buildArgs>) holds an npm access token (npm_…, 40 characters): it looks like' +
        ' a credential, and the image would keep it: Docker records the build arguments a Dockerfile declares in the image\'s history'
assert log.count(refused) == 1 : 'the first run refuses it'
assert log.contains('"remoteEnv": {"NPM_TOKEN": "${localEnv:NPM_TOKEN}"} in devcontainer.json')
assert log.contains('If it is no secret, list NPM_TOKEN in <allowedSecrets> (-Ddevcontainer.allowedSecrets).')
// the value is nowhere: only its public prefix and its length
assert !log.contains('ITfakeITfake') : 'the token is not in the log'

// allowed, the build goes on to the daemon (none answers at DOCKER_HOST): the refusal came first
assert log.count('No Docker daemon answered at tcp://127.0.0.1:9 (from DOCKER_HOST)') == 1 : 'the second run passes the check'
true
