package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.Set;

/**
 * 5. The inner daemon runs a container, offline: it imports an empty image (1 KiB of zeros is an
 * empty tar) and runs a shell from the devcontainer's own {@code /usr}, {@code /bin} and
 * {@code /lib*} mounted read-only, on the default bridge network. No registry, no download.
 */
final class InnerContainerCheck extends AbstractCheck {
    static final String ID = "inner-container";
    static final String MARKER = "devcontainer-verify-inner-ok";
    static final String SCRIPT = String.join("\n",
            "set -e",
            "image=devcontainer-verify-probe:latest",
            "head -c 1024 /dev/zero | docker import - \"$image\" >/dev/null",
            "set --",
            "for dir in bin sbin lib lib32 lib64 libx32 usr; do",
            "  if [ -e \"/$dir\" ]; then set -- \"$@\" -v \"/$dir:/$dir:ro\"; fi",
            "done",
            "docker run --rm --pull=never \"$@\" \"$image\" /bin/sh -c 'echo " + MARKER + " from $(hostname)'",
            "docker rmi \"$image\" >/dev/null");

    InnerContainerCheck(Duration timeout) {
        super(ID, "the inner daemon runs a container", Set.of(DockerInfoCheck.ID), timeout);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult result = container.exec(timeout, "/bin/sh", "-c", SCRIPT);
        if (result.succeeded() && result.stdout().contains(MARKER)) {
            return Observation.pass(result.stdout().strip());
        }
        return Observation.fail("exit code " + result.exitCode() + ": " + result.output());
    }
}
