import static io.github.dind.devcontainer.it.Commands.*

// remember how many containers exist, to prove the build leaves none behind
def count = stdout(['docker', 'ps', '-aq']).readLines().size()
new File(basedir, 'containers-before.txt').text = count.toString()
true
