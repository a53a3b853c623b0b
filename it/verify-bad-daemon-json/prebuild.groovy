import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template plus a daemon.json with an option dockerd
// does not know, before startup.sh is copied in.
def marker = 'COPY startup.sh '
def extra = '''RUN mkdir -p /etc/docker && echo '{"bogus-option": true}' > /etc/docker/daemon.json

'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = replaceOnce(bundledTemplate('Dockerfile.mustache'), marker, extra + marker)
true
