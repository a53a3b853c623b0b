import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template, broken in one place: no dumb-init, and
// the entrypoint starts startup.sh directly. Removed after the template's check that every command
// is there, so everything else stays as generate writes it.
def entrypoint = 'ENTRYPOINT ["dumb-init", "--", "{{startupScript.json}}"]'
def broken = '''# The broken part (this IT): no dumb-init, and the entrypoint starts the script directly.
RUN rm -f /usr/bin/dumb-init && ! command -v dumb-init
ENTRYPOINT ["{{startupScript.json}}"]'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = replaceOnce(bundledTemplate('Dockerfile.mustache'), entrypoint, broken)
true
