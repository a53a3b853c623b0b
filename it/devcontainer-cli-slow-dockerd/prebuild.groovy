import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template plus a dockerd that starts 4 s late, as on
// a slow host (first on the PATH), before startup.sh is copied in.
def marker = 'COPY startup.sh '
def extra = '''RUN printf '#!/bin/sh\\nsleep 4\\nexec /usr/sbin/dockerd "$@"\\n' >/usr/local/sbin/dockerd \\
    && chmod 0755 /usr/local/sbin/dockerd

'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = replaceOnce(bundledTemplate('Dockerfile.mustache'), marker, extra + marker)
true
