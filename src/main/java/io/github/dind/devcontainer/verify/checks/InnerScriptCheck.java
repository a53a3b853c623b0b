package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A check that runs a bash script inside the devcontainer which starts inner containers offline, the
 * way {@link InnerContainerCheck} does: an empty imported image (1 KiB of zeros is an empty tar) runs
 * programs from the devcontainer's own {@code /usr}, {@code /bin} and {@code /lib*}, mounted
 * read-only. No registry, no download. The script exits 0 and prints its evidence as the last line
 * of stdout, or exits non-zero with the reason; everything it creates is removed on exit.
 */
abstract class InnerScriptCheck extends AbstractCheck {
    /**
     * Shared by the scripts: {@code import_probe} imports the empty image into {@code $probe_image};
     * {@code inner ARGS...} is {@code docker run --rm} with the read-only mounts; {@code on_exit CMD}
     * registers a clean-up step (run in reverse order).
     */
    static final String PRELUDE = String.join("\n",
            "set -euo pipefail",
            "probe_image=devcontainer-verify-probe-$$:latest",
            "cleanup_steps=()",
            "on_exit() { cleanup_steps=(\"$1\" \"${cleanup_steps[@]}\"); }",
            "cleanup() { local step; for step in \"${cleanup_steps[@]}\"; do eval \"$step\" >/dev/null 2>&1 || true; done; }",
            "trap cleanup EXIT",
            "mounts=()",
            "for dir in bin sbin lib lib32 lib64 libx32 usr; do [[ -e /$dir ]] && mounts+=(-v \"/$dir:/$dir:ro\"); done",
            "for file in /etc/passwd /etc/group; do [[ -e $file ]] && mounts+=(-v \"$file:$file:ro\"); done",
            "import_probe() { head -c 1024 /dev/zero | docker import - \"$probe_image\" >/dev/null; on_exit \"docker rmi -f $probe_image\"; }",
            "inner() { docker run --rm --pull=never \"${mounts[@]}\" \"$@\"; }",
            // the interface of the default IPv4 route, from /proc/net/route
            "uplink_interface() { local i d _; while read -r i d _; do [[ $d == 00000000 ]] && { echo \"$i\"; return 0; }; done </proc/net/route; return 1; }",
            "");

    InnerScriptCheck(String id, String description, Set<String> requires, Duration timeout) {
        super(id, description, requires, timeout);
    }

    /** Each script names what it creates after its shell's PID and removes it on exit: they may run at once. */
    @Override
    public final boolean concurrent() {
        return true;
    }

    /** The check's own part of the script, run after {@link #PRELUDE}. */
    abstract String script(Container container);

    /** The script's positional parameters ({@code $1}...); none by default. */
    String[] arguments(Container container) {
        return new String[0];
    }

    @Override
    public final Observation run(Container container, Timings timings) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", PRELUDE + script(container), "devcontainer-verify"));
        command.addAll(List.of(arguments(container)));
        ExecResult result = container.exec(timeout, command.toArray(String[]::new));
        String evidence = result.stdout().strip().lines().reduce((first, second) -> second).orElse("");
        if (result.succeeded()) {
            return Observation.pass(evidence);
        }
        return Observation.fail("exit code " + result.exitCode() + ": " + result.output());
    }
}
