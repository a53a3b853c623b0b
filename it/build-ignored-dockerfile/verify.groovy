// stdout byte for byte (consumeProcessOutput would end every line, the last one too, with \n)
def run(List<String> command) {
    def process = command.execute()
    def err = new StringBuffer()
    process.consumeProcessErrorStream(err)
    def out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : "${command} failed: ${err}"
    out
}

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
