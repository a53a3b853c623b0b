import static io.github.dind.devcontainer.it.Commands.*

assertMavenUnderTest(binding.variables, new File(basedir, 'build.log').text)

def image = 'verify-commits-devcontainer:1.0.0'
def head = { -> ok(['git', 'rev-parse', 'HEAD'], basedir).out.trim() }
def commit = { String message ->
    ok(['git', 'add', '-A'], basedir)
    ok(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', message], basedir)
}
def revision = { -> stdout(['docker', 'image', 'inspect', '--format',
        '{{index .Config.Labels "org.opencontainers.image.revision"}}', image]).trim() }
def imageId = { -> stdout(['docker', 'image', 'inspect', '--format', '{{.Id}}', image]).trim() }
// images this project's builds made that no tag names any more
def dangling = { -> stdout(['docker', 'images', '-q', '--filter', 'dangling=true',
        '--filter', 'label=org.opencontainers.image.title=verify-commits']).trim() }

// invocation 1: built at the first commit, verified
def first = new File(basedir, 'build.log').text
assert first =~ /Verifying \Q${image}\E at /
def firstCommit = head()
assert revision() == firstCommit : 'the image records the commit it was built at'
def firstImage = imageId()

// a commit that leaves .devcontainer/ alone: nothing rebuilt, the verdict reused, nothing dangling
new File(basedir, 'README.md') << 'More words.\n'
commit('docs')
def second = nestedMaven(binding.variables, basedir, ['verify'])
assert second.code == 0 : second.out
assert second.out.contains("Image ${image} is up to date")
assert second.out =~ /Reusing the passing verdict of \S+ for \Q${image}\E/
assert imageId() == firstImage
assert revision() == firstCommit : 'the image keeps the commit it was built at, whose devcontainer files are today\'s'
assert dangling().isEmpty()

// a commit that edits the Dockerfile: rebuilt, verified again, the old image removed
new File(basedir, '.devcontainer/Dockerfile') << '# a team edit\n'
commit('edit the Dockerfile')
def third = nestedMaven(binding.variables, basedir, ['verify'])
assert third.code == 0 : third.out
assert third.out =~ /Built \Q${image}\E/
assert third.out =~ /Running the checks: the image changed since the passing verdict of /
assert third.out =~ /Verifying \Q${image}\E at /
assert third.out.contains("Removed the previous image ${firstImage.substring(7, 19)}: the new build took its tags")
assert revision() == head()
assert dangling().isEmpty() : 'the replaced image must not be left dangling'
assert sh(['docker', 'images', '-q', firstImage]).out.trim().isEmpty()
assert sh(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).out.trim().isEmpty()
true
