import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
assert log =~ /FAILED\s+\d+\.\d\d s\s+PID 1 is dumb-init\s+PID 1 is (bash \/usr\/local\/bin\/startup.sh )?sleep infinity \(the image's ENTRYPOINT must start with dumb-init\)/
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
// startup.sh stays the main process (here PID 1 itself): bash reaps orphans and its SIGTERM trap
// stops dockerd, so only the PID 1 check fails
assert log =~ /PASSED\s+\d+\.\d\d s\s+an orphaned process is reaped/
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker stop shuts dockerd and its containers down cleanly within 4.00 s/
assert (log =~ /(?m)^\[INFO\]\s+\d+\s+FAILED\s/).size() == 1
assert log.contains('  - pid1 (PID 1 is dumb-init): PID 1 is ')
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
true
