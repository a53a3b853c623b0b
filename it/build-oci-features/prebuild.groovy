// A registry on 127.0.0.1:25016 speaking only TLS (its certificate from a CA made here with openssl),
// with htpasswd authentication and its storage in this IT's folder; a trust store for Maven's JVM
// (invoker.mavenOpts) holding the JDK's CAs and that one; the devcontainer CLI, which publishes
// feature-src/hello to it.
// Started here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run.
import java.util.concurrent.TimeUnit
import javax.net.ssl.HttpsURLConnection
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory
import java.security.KeyStore
import static io.github.dind.devcontainer.it.Commands.*

final String REGISTRY = '127.0.0.1:25016'
def dir = new File(basedir, 'registry')
dir.mkdirs()
def tmp = new File(basedir, 'tmp') // the CLI's temporary files (TMPDIR), inside target/
tmp.mkdirs()
def file = { String name -> new File(dir, name).path }

ok(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=build-oci-features-it-ca',
    '-keyout', file('ca-key.pem'), '-out', file('ca.pem')])
ok(['openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('server-key.pem'),
    '-out', file('server.csr')])
new File(dir, 'server.ext').text = 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n'
ok(['openssl', 'x509', '-req', '-days', '1', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'),
    '-CAcreateserial', '-extfile', file('server.ext'), '-out', file('server.pem')])
// the JDK's own CAs (Maven still reaches Maven Central) and the IT's, as a user adds a corporate CA
def javaHome = System.getProperty('java.home')
java.nio.file.Files.copy(new File(javaHome, 'lib/security/cacerts').toPath(), new File(file('truststore.jks')).toPath())
ok([new File(javaHome, 'bin/keytool').path, '-importcert', '-noprompt', '-alias', 'build-oci-features-it-ca',
    '-file', file('ca.pem'), '-keystore', file('truststore.jks'), '-storepass', 'changeit'])

new File(dir, 'htpasswd').text = stdout(['htpasswd', '-Bbn', 'ci', 's3cret-features'], 60)
new File(dir, 'config.yml').text = """\
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${file('storage')}
http:
  addr: ${REGISTRY}
  tls:
    certificate: ${file('server.pem')}
    key: ${file('server-key.pem')}
auth:
  htpasswd:
    realm: build-oci-features-it
    path: ${file('htpasswd')}
"""
def process = new ProcessBuilder('timeout', '600', '/usr/bin/docker-registry', 'serve', file('config.yml'))
        .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
new File(dir, 'pid').text = process.pid().toString()

// ready once it answers /v2/ over TLS with the CA (401: it wants the login)
def store = KeyStore.getInstance(KeyStore.getDefaultType())
new File(file('truststore.jks')).withInputStream { store.load(it, 'changeit'.toCharArray()) }
def trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
trust.init(store)
def tls = SSLContext.getInstance('TLS')
tls.init(null, trust.trustManagers, null)
boolean ready = false
for (int i = 0; i < 100 && !ready; i++) {
    try {
        HttpsURLConnection connection = (HttpsURLConnection) new URL("https://${REGISTRY}/v2/").openConnection()
        connection.SSLSocketFactory = tls.socketFactory
        connection.connectTimeout = 500
        ready = connection.responseCode == 401
    } catch (IOException ignored) {
        assert process.alive : "the registry exited: ${new File(dir, 'registry.log').text}"
        TimeUnit.MILLISECONDS.sleep(100)
    }
}
assert ready : "the registry did not answer on https://${REGISTRY}: ${new File(dir, 'registry.log').text}"

// the real CLI publishes the Feature (tags 1, 1.0, 1.0.0, latest; again as hey), with its own login variable
def cli = installDevcontainerCli(new File(basedir, 'cli'))
def published = ok([cli, 'features', 'publish', new File(basedir, 'feature-src').path, '--registry', REGISTRY,
                    '--namespace', 'it/features', '--log-level', 'info'], basedir, 120,
                   [NODE_EXTRA_CA_CERTS: file('ca.pem'), DEVCONTAINERS_OCI_AUTH: "${REGISTRY}|ci|s3cret-features".toString(),
                    TMPDIR: tmp.path])
new File(basedir, 'publish.log').text = published.out
assert published.out.contains("Published feature: 'hello'") && published.out.contains("Published feature: 'hey'") : published.out
true
