def dir = new File(basedir, '.devcontainer')
def script = new File(dir, 'startup.sh').text
assert script.contains('# the team\'s own start-up script for wolfi')
assert script.contains('echo "name: Own \\$HOME \\`id\\`"') : script
assert new File(dir, 'Dockerfile').text.contains('FROM cgr.dev/chainguard/wolfi-base:latest')
assert new File(basedir, 'build.log').text.contains('Using your template startup.sh.mustache')

true
