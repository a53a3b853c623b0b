import static io.github.dind.devcontainer.it.Commands.*

// Podman's API service with its own storage, under a watchdog, with debian:trixie (see podman-service.sh).
def command = ['bash', new File(basedir, 'podman-service.sh').path, 'start', String.valueOf(ProcessHandle.current().pid()),
               new File(basedir, 'podman-service.log').path]
println ok(command, null, 300).out.trim()
true
