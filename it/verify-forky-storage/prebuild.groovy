import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template plus a daemon.json that turns the
// containerd image store on, before startup.sh is copied in.
def bundled = bundledTemplate('Dockerfile.mustache')
def marker = 'COPY startup.sh '
assert bundled.contains(marker)
def extra = '''RUN mkdir -p /etc/docker && echo '{"features": {"containerd-snapshotter": true}}' > /etc/docker/daemon.json

'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = bundled.replace(marker, extra + marker)
true
