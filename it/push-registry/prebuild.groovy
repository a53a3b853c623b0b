// A registry on 127.0.0.1:25015 with htpasswd authentication and its storage in this IT's folder.
// Started here, stopped by verify.groovy; `timeout` ends it anyway should verify.groovy never run.
import static io.github.dind.devcontainer.it.Commands.*

startRegistry(new File(basedir, 'registry'), '127.0.0.1:25015', 'push-registry-it', 's3cret-push', 900, true)
true
