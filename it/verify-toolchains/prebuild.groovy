import static io.github.dind.devcontainer.it.Commands.*

// The Maven wrapper, as many repositories have it (mvnw, .mvn/wrapper/), made by the wrapper plugin
// itself: the build inside runs ./mvnw, which fetches its Maven from Maven Central inside the devcontainer
def result = nestedMaven(binding.variables, basedir, ['-N', '-Ddevcontainer.inner', 'org.apache.maven.plugins:maven-wrapper-plugin:3.3.4:wrapper',
        '-Dtype=only-script', '-Dmaven=3.9.16'])
assert result.code == 0 : result.out
assert new File(basedir, 'mvnw').canExecute()
true
