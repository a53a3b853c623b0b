package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * startup.sh's cgroup v2 nesting, run by bash against a fake cgroup tree (CI's host is cgroup v1,
 * so the real path never runs there). The fake {@code cgroup.subtree_control} is a directory, so a
 * write fails as the kernel's EBUSY would, until the test turns it into a writable file. What this
 * proves: the move-and-write is retried a bounded number of times, each attempt moves the root
 * group's processes again, and a final failure is reported with the controllers and the error.
 * What it does not prove: that the kernel accepts these writes (only a cgroup v2 host shows that).
 */
class StartupScriptCgroupTest {
    @TempDir
    Path dir;

    private Path script() throws Exception {
        Path script = dir.resolve("startup.sh");
        Files.writeString(script, GeneratedFileMarker.stamp(new Renderer(null).render(Requests.build(Requests.sample("debian")))
                .stream().filter(f -> f.fileName().equals("startup.sh")).findFirst().orElseThrow()), StandardCharsets.UTF_8);
        return script;
    }

    private Path fakeTree() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cgroup"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(root.resolve("cgroup.procs"), "1\n7\n");
        Files.createDirectories(root.resolve("cgroup.subtree_control"));
        return root;
    }

    /** Sources startup.sh (main does not run), points it at the fake tree, runs nest_cgroups. */
    private Processes.Result nest(Path root, String meanwhile) throws Exception {
        String test = "source \"$1\"; set +e; cgroup_root=\"$2\"\n" + meanwhile + "\nnest_cgroups; echo \"rc=$?\"\nwait\n";
        return Processes.run(List.of("bash", "-c", test, "test", script().toString(), root.toString()), "");
    }

    @Test
    void retriesUntilTheControllersCanBeDelegated() throws Exception {
        Path root = fakeTree();

        // the third attempt (after 0.1 s and 0.2 s pauses) finds the file writable
        Processes.Result result = nest(root, "(sleep 0.2; rmdir \"$2/cgroup.subtree_control\") &");

        assertThat(result.stdout()).as(result.stderr()).contains("rc=0");
        assertThat(Files.readString(root.resolve("cgroup.subtree_control"))).isEqualTo("+cpu +memory +pids\n");
        assertThat(Files.readString(root.resolve("init/cgroup.procs"))).isEqualTo("7\n");
        assertThat(result.stderr()).doesNotContain("could not delegate");
    }

    @Test
    void reportsTheFinalFailureAfterABoundedNumberOfAttempts() throws Exception {
        Path root = fakeTree();

        long start = System.nanoTime();
        Processes.Result result = nest(root, "");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.stdout()).contains("rc=1");
        assertThat(result.stderr()).contains("startup.sh: cgroup v2: could not delegate the controllers (+cpu +memory +pids)"
                + " after 5 attempts: Is a directory");
        assertThat(seconds).as("five attempts with 0.1 .. 0.5 s pauses").isBetween(1.4, 10.0);
    }

    @Test
    void doesNothingOnCgroupV1() throws Exception {
        Path root = Files.createDirectories(dir.resolve("v1"));

        Processes.Result result = nest(root, "");

        assertThat(result.stdout()).contains("rc=0");
        assertThat(root.resolve("init")).doesNotExist();
    }
}
