import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /The image build failed at Step 4\/\d+ : RUN echo "about to fail" && false:/
assert log.contains("The command '/bin/sh -c echo \"about to fail\" && false' returned a non-zero code: 1")
assert log.contains('| about to fail')
assert !log.contains('never reached')
assert !log.contains('at io.github.dind') : 'no stack trace without -e'

// the image of step 3 (labelled by step 2), untagged, would dangle: the plugin removes it (and the next build runs step 2 again)
assert log =~ /Removed the image the failed build left behind \([0-9a-f]{12}, its last finished step\)/
assert stdout(['docker', 'images', '-q', '--filter', 'dangling=true', '--filter', 'label=it.build-broken-step=step2']).trim().isEmpty()

def before = new File(basedir, 'containers-before.txt').text.toInteger()
assert stdout(['docker', 'ps', '-aq']).readLines().size() == before : 'the failed build left containers behind'
true
