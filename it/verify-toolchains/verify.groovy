import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log.contains('Toolchains: JDK 21, 25 in ~/.m2/toolchains.xml')
assert log.contains('toolchains.xml: JDK 21 at /usr/lib/jvm/java-21-openjdk, JDK 25 at /usr/lib/jvm/java-25-openjdk')
assert log =~ /PASSED\s+\S+ s\s+`\.\/mvnw -B -V -Ddevcontainer.inner package/

// the build inside: each plugin took its toolchain, and the tests ran on 25
def inner = new File(basedir, 'inner-build.log').text
// ./mvnw ran the Maven its wrapper names, not the distribution's (3.9.9)
assert inner =~ /(?m)^Apache Maven 3\.9\.16 / : inner
assert inner.contains('Toolchain in maven-compiler-plugin: JDK[/usr/lib/jvm/java-21-openjdk]') : inner
assert inner.contains('Toolchain in maven-surefire-plugin: JDK[/usr/lib/jvm/java-25-openjdk]') : inner
assert inner.contains('tests run on Java 25') : inner
assert inner.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : inner

// the local repository volume is kept between runs (that is its point); this test removes it
def volumes = stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.cache=m2',
                      '--filter', projectLabel(basedir)]).readLines().findAll { it }
assert volumes.size() == 1 : "expected one local repository volume, found ${volumes}"
ok(['docker', 'volume', 'rm', volumes[0]])
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
