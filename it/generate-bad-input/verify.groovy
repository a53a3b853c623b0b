assert !new File(basedir, '.devcontainer').exists() : 'a rejected configuration must write nothing'

def log = new File(basedir, 'build.log').text
assert log.contains('Invalid devcontainer configuration, nothing was written:')
assert log.contains('<packages> (-Ddevcontainer.generate.packages) "git;curl evil|sh" must be a Debian package name')
assert log.contains('<remoteUser> (-Ddevcontainer.generate.remoteUser) "$(id)" must be a Linux user name')
assert log.contains('<baseImage> (-Ddevcontainer.generate.baseImage) "Debian:Trixie" must be a Docker image reference')
assert log.contains('<registryMirrors> (-Ddevcontainer.generate.registryMirrors) "mirror.example.com:5000" must be an http:// or https:// URL')

true
