package io.github.dind.devcontainer.image.context;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    @Test
    void starMatchesWithinOneDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("*.log\n");

        assertThat(ignore.excludes("build.log")).isTrue();
        assertThat(ignore.excludes("logs/build.log")).isFalse();
        assertThat(ignore.excludes("build.log.txt")).isFalse();
    }

    @Test
    void doubleStarMatchesAnyDepth() {
        DockerIgnore ignore = DockerIgnore.parse("**/*.tmp\n");

        assertThat(ignore.excludes("a.tmp")).isTrue();
        assertThat(ignore.excludes("x/y/z/a.tmp")).isTrue();
        assertThat(ignore.excludes("x/a.tmpl")).isFalse();
    }

    /** {@code **} between slashes stands for whole directories, never part of a name. */
    @Test
    void doubleStarInTheMiddleStandsForWholeDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("a/**/b\n**/dir2/*\n");

        assertThat(ignore.excludes("a/b")).isTrue();
        assertThat(ignore.excludes("a/x/y/b")).isTrue();
        assertThat(ignore.excludes("a/xb")).isFalse();
        assertThat(ignore.excludes("x/dir2/file")).isTrue();
        assertThat(ignore.excludes("xdir2/file")).isFalse();
    }

    @Test
    void aMatchingDirectoryExcludesEverythingBelowIt() {
        DockerIgnore ignore = DockerIgnore.parse("target\n/node_modules\n");

        assertThat(ignore.excludes("target")).isTrue();
        assertThat(ignore.excludes("target/classes/A.class")).isTrue();
        assertThat(ignore.excludes("node_modules/x/index.js")).isTrue();
        assertThat(ignore.excludes("src/target")).isFalse();
    }

    @Test
    void theLastMatchingLineWinsAndBangReincludes() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README.md\nREADME*.md\n!README-keep.md\n");

        assertThat(ignore.excludes("NOTES.md")).isTrue();
        assertThat(ignore.excludes("README.md")).isTrue();
        assertThat(ignore.excludes("README-keep.md")).isFalse();
        assertThat(ignore.hasExclusions()).isTrue();
    }

    @Test
    void commentsBlankLinesAndCleaningAreHandledLikeDocker() {
        DockerIgnore ignore = DockerIgnore.parse("# a comment\n\n   \n  ./secrets/../secret.txt  \n#not-a-pattern\n");

        assertThat(ignore.excludes("secret.txt")).isTrue();
        assertThat(ignore.excludes("# a comment")).isFalse();
        assertThat(ignore.excludes("#not-a-pattern")).isFalse();
        assertThat(ignore.hasExclusions()).isFalse();
    }

    @Test
    void questionMarkClassesAndEscapes() {
        DockerIgnore ignore = DockerIgnore.parse("file?.txt\n[ab].bin\nliteral\\*star\nplus+dot.c\n");

        assertThat(ignore.excludes("file1.txt")).isTrue();
        assertThat(ignore.excludes("file12.txt")).isFalse();
        assertThat(ignore.excludes("a.bin")).isTrue();
        assertThat(ignore.excludes("c.bin")).isFalse();
        assertThat(ignore.excludes("literal*star")).isTrue();
        assertThat(ignore.excludes("literalXstar")).isFalse();
        assertThat(ignore.excludes("plus+dot.c")).isTrue();
        assertThat(ignore.excludes("plusXdotXc")).isFalse();
    }

    /**
     * The context walk carries each rule's result down from the parent (MatchesUsingParentResults),
     * which answers differently from judging a path with its parents afresh (MatchesOrParentMatches):
     * with {@code a/b} then {@code !a}, the walk excludes {@code a/b/c}, as the docker CLI does.
     */
    @Test
    void theWalkCarriesRuleResultsFromTheParent() {
        DockerIgnore ignore = DockerIgnore.parse("a/b\n!a\n");

        DockerIgnore.Match a = ignore.matches("a", null);
        DockerIgnore.Match ab = ignore.matches("a/b", a);
        assertThat(a.excluded()).isFalse();
        assertThat(ab.excluded()).isTrue();
        assertThat(ignore.matches("a/b/c", ab).excluded()).isTrue();
        assertThat(ignore.excludes("a/b/c")).isFalse();
        assertThat(ignore.mayReincludeBelow("a/b")).isFalse();
        assertThat(DockerIgnore.parse("sub\n!sub/x/keep\n").mayReincludeBelow("sub/x")).isTrue();
        assertThat(DockerIgnore.parse("sub\n!**/keep\n").mayReincludeBelow("sub")).isFalse();
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreReadAsDockerReadsThem() {
        DockerIgnore ignore = DockerIgnore.parse("\uFEFFtarget\r\n*.log\r\n");

        assertThat(ignore.excludes("target")).isTrue();
        assertThat(ignore.excludes("x.log")).isTrue();
        assertThat(DockerIgnore.parse("\u00a0target\u00a0\n").excludes("target")).isTrue();
    }

    @Test
    void cleanBehavesLikeGo() {
        assertThat(GoPath.clean("./a/b/../c/")).isEqualTo("a/c");
        assertThat(GoPath.clean("/a//b")).isEqualTo("/a/b");
        assertThat(GoPath.clean("../x")).isEqualTo("../x");
        assertThat(GoPath.clean("/../x")).isEqualTo("/x");
        assertThat(GoPath.clean(".")).isEqualTo(".");
    }
}
