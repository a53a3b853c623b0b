package io.github.dind.devcontainer.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    @TempDir
    Path repo;

    @Test
    void readsALooseBranchRefFromASubdirectory() throws Exception {
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/refs/heads/main"), SHA + "\n");
        Files.createDirectories(repo.resolve("module/sub"));

        assertThat(GitRevision.of(repo.resolve("module/sub"))).contains(SHA);
    }

    @Test
    void readsPackedRefsAndDetachedHeads() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + SHA + " refs/heads/main\n");
        assertThat(GitRevision.of(repo)).contains(SHA);

        Files.writeString(repo.resolve(".git/HEAD"), SHA.replace('0', 'f') + "\n");
        assertThat(GitRevision.of(repo)).contains(SHA.replace('0', 'f'));
    }

    @Test
    void followsAWorktreePointer() throws Exception {
        Path main = repo.resolve("main/.git");
        Files.createDirectories(main.resolve("worktrees/wt"));
        Files.createDirectories(main.resolve("refs/heads"));
        Files.writeString(main.resolve("refs/heads/feature"), SHA + "\n");
        Files.writeString(main.resolve("worktrees/wt/HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(main.resolve("worktrees/wt/commondir"), "../..\n");
        Files.createDirectories(repo.resolve("wt"));
        Files.writeString(repo.resolve("wt/.git"), "gitdir: ../main/.git/worktrees/wt\n");

        assertThat(GitRevision.of(repo.resolve("wt"))).contains(SHA);
    }

    @Test
    void nothingOnAnUnbornBranchOrWithABrokenPointer() throws Exception {
        Files.createDirectories(repo.resolve("unborn/.git"));
        Files.writeString(repo.resolve("unborn/.git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(repo.resolve("broken"));
        Files.writeString(repo.resolve("broken/.git"), "not a gitdir pointer\n");

        assertThat(GitRevision.of(repo.resolve("unborn"))).isEmpty();
        assertThat(GitRevision.of(repo.resolve("broken"))).isEmpty();
    }
}
