import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /PASSED\s+\d+\.\d\d s\s+postStartCommand succeeds and starts no second dockerd\s+exit code 0 as dev; one dockerd/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dev-uses-docker:/
// the lifecycle command right after the first start, as the remote user, through /bin/sh -c (a string)
assert log =~ /PASSED\s+\d+\.\d\d s\s+postStartCommand succeeds as the remote user\s+exit code 0 as dev: \/bin\/sh -c sudo -n \/usr\/local\/bin\/startup.sh/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dev-may-not-sudo-anything-else:/
// the JDK and Maven work for the non-root user, and the fresh local repository volume is its own
assert log =~ /PASSED\s+\d+\.\d\d s\s+java and / + java.util.regex.Pattern.quote('$JAVA_HOME/bin/javac are JDK 21 for the remote user') + /\s+java 21, javac 21 for dev/
assert log =~ /PASSED\s+\d+\.\d\d s\s+`mvn -v` runs for the remote user on Java 21\s+Apache Maven 3\.[0-9.]+ on Java 21 for dev/
assert log =~ /PASSED\s+\d+\.\d\d s\s+dev-owns-its-m2-volume:/
assert !log.contains('FAILED')
assert new File(basedir, '.devcontainer/dind/devcontainer-feature.json').text.contains('"postStartCommand": "sudo -n /usr/local/bin/startup.sh"')
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
