// when the build started, in the engine's clock (docker events --since): the SBOM's container must
// be created and destroyed after it
import static io.github.dind.devcontainer.it.Commands.*

new File(basedir, 'engine-time-before.txt').text = stdout(['docker', 'system', 'info', '--format', '{{.SystemTime}}']).trim()
true
