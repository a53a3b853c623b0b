// A registry on 127.0.0.1:25017 with htpasswd authentication and its storage in this IT's folder,
// holding debian:trixie as base/debian:stable (its manifest digest in registry/first.digest).
// Started here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run.
import static io.github.dind.devcontainer.it.Commands.*

final String REGISTRY = '127.0.0.1:25017'
def dir = new File(basedir, 'registry')
startRegistry(dir, REGISTRY, 'pinned-base-it', 's3cret-pins', 600, false)

// the first build of the tag: the engine's debian:trixie, copied as it is (a Docker v2 schema 2 manifest)
def digest = new File(dir, 'first.digest')
ok(['skopeo', 'copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', 'ci:s3cret-pins', '--digestfile', digest.path,
    'docker-daemon:debian:trixie', "docker://${REGISTRY}/base/debian:stable"], basedir, 300)
assert digest.text.trim() ==~ /sha256:[0-9a-f]{64}/
true
