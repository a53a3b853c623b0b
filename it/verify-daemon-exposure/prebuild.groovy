import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template plus a daemon.json whose hosts add plain
// TCP on every address, before startup.sh is copied in. "tls": false is the explicit intent Docker 27
// and later require to start so at all; dockerd 26.1 (trixie) then warns and waits 1 s, not 16 s.
def marker = 'COPY startup.sh '
def extra = '''RUN mkdir -p /etc/docker \\
    && echo '{"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"], "tls": false}' > /etc/docker/daemon.json

'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = replaceOnce(bundledTemplate('Dockerfile.mustache'), marker, extra + marker)
true
