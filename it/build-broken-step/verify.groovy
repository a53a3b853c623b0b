import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /The image build failed at Step 3\/\d+ : RUN echo "about to fail" && false:/
assert log.contains("The command '/bin/sh -c echo \"about to fail\" && false' returned a non-zero code: 1")
assert log.contains('| about to fail')
assert !log.contains('never reached')
assert !log.contains('at io.github.dind') : 'no stack trace without -e'

def before = new File(basedir, 'containers-before.txt').text.toInteger()
assert stdout(['docker', 'ps', '-aq']).readLines().size() == before : 'the failed build left containers behind'
true
