// Podman's API service with its own storage, under a watchdog, with debian:trixie (see podman-service.sh).
def command = ['bash', new File(basedir, 'podman-service.sh').path, 'start', String.valueOf(ProcessHandle.current().pid()),
               new File(basedir, 'podman-service.log').path]
def process = command.execute()
def out = new StringBuilder(), err = new StringBuilder()
process.consumeProcessOutput(out, err)
assert process.waitFor() == 0 : "${command} failed: ${out}${err}"
println out.toString().trim()
true
