def dir = new File(basedir, '.devcontainer')
assert new File(dir, 'Dockerfile.bak').text.contains('RUN echo "a line the user added"')
assert new File(dir, 'devcontainer.json.bak').text.contains('written by hand, no marker')
assert !new File(dir, 'Dockerfile').text.contains('a line the user added')
assert new File(dir, 'Dockerfile').text.contains('FROM cgr.dev/chainguard/wolfi-base:latest')
assert new File(dir, 'devcontainer.json').text.contains('"overrideCommand": false')
assert !new File(dir, 'startup.sh.bak').exists()

def log = new File(basedir, 'build.log').text
assert log =~ /Dockerfile\s+replaced \(force\), your version is in Dockerfile\.bak/
assert log =~ /devcontainer\.json\s+replaced \(force\), your version is in devcontainer\.json\.bak/

true
