import static io.github.dind.devcontainer.it.Commands.*

run = { List command -> stdout(command) }

def log = new File(basedir, 'build.log').text
assert log =~ /Step \d+\/\d+ : RUN test -f \/ctx\/kept.txt/
assert log.contains('Built build-ignored-dockerfile-devcontainer:1.0.0')
def files = run(['docker', 'run', '--rm', '--network', 'none', '--entrypoint', 'find', 'build-ignored-dockerfile-devcontainer:1.0.0', '/ctx'])
println "context as copied: ${files.readLines().toSorted()}"
assert files.readLines().contains('/ctx/kept.txt') : files
assert !files.contains('secret.txt') : files

def before = new File(basedir, 'containers-before.txt').text.toInteger()
assert run(['docker', 'ps', '-aq']).readLines().size() == before : 'the build left containers behind'
true
