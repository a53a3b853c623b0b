def log = new File(basedir, 'build.log').text
assert log =~ /FAILED\s+\d+\.\d\d s\s+PID 1 is dumb-init\s+PID 1 is (bash \/usr\/local\/bin\/startup.sh )?sleep infinity \(the image's ENTRYPOINT must start with dumb-init\)/
assert log =~ /PASSED\s+\d+\.\d\d s\s+docker info answers/
assert log =~ /FAILED\s+\d+\.\d\d s\s+an orphaned process is reaped\s+.*a zombie: PID 1 does not reap/
assert log =~ /FAILED\s+\d+\.\d\d s\s+docker stop takes under 2.00 s\s+stopping took/
assert log.contains('  - pid1 (PID 1 is dumb-init): PID 1 is ')
assert ['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
assert ['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify'].execute().text.trim().isEmpty()
true
