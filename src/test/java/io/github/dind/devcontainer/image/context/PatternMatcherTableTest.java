package io.github.dind.devcontainer.image.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * moby's own tables for {@code .dockerignore} matching, ported row by row: github.com/moby/patternmatcher
 * at 5a6d842 (patternmatcher_test.go: TestMatches, TestMatch, TestCompile and the single-case tests;
 * ignorefile/ignorefile_test.go: TestReadAll). Go's {@code "a\\\\"} is written the same in Java.
 */
class PatternMatcherTableTest {

    /** TestMatches: {pattern, text, pass}, plus the non-Windows row {@code a\*b}. */
    static Stream<Arguments> matches() {
        return Stream.of(
                row("**", "file", true),
                row("**", "file/", true),
                row("**/", "file", true),
                row("**/", "file/", true),
                row("**", "/", true),
                row("**/", "/", true),
                row("**", "dir/file", true),
                row("**/", "dir/file", true),
                row("**", "dir/file/", true),
                row("**/", "dir/file/", true),
                row("**/**", "dir/file", true),
                row("**/**", "dir/file/", true),
                row("dir/**", "dir/file", true),
                row("dir/**", "dir/file/", true),
                row("dir/**", "dir/dir2/file", true),
                row("dir/**", "dir/dir2/file/", true),
                row("**/dir", "dir", true),
                row("**/dir", "dir/file", true),
                row("**/dir2/*", "dir/dir2/file", true),
                row("**/dir2/*", "dir/dir2/file/", true),
                row("**/dir2/**", "dir/dir2/dir3/file", true),
                row("**/dir2/**", "dir/dir2/dir3/file/", true),
                row("**file", "file", true),
                row("**file", "dir/file", true),
                row("**/file", "dir/file", true),
                row("**file", "dir/dir/file", true),
                row("**/file", "dir/dir/file", true),
                row("**/file*", "dir/dir/file", true),
                row("**/file*", "dir/dir/file.txt", true),
                row("**/file*txt", "dir/dir/file.txt", true),
                row("**/file*.txt", "dir/dir/file.txt", true),
                row("**/file*.txt*", "dir/dir/file.txt", true),
                row("**/**/*.txt", "dir/dir/file.txt", true),
                row("**/**/*.txt2", "dir/dir/file.txt", false),
                row("**/*.txt", "file.txt", true),
                row("**/**/*.txt", "file.txt", true),
                row("a**/*.txt", "a/file.txt", true),
                row("a**/*.txt", "a/dir/file.txt", true),
                row("a**/*.txt", "a/dir/dir/file.txt", true),
                row("a/*.txt", "a/dir/file.txt", false),
                row("a/*.txt", "a/file.txt", true),
                row("a/*.txt**", "a/file.txt", true),
                row("a[b-d]e", "ae", false),
                row("a[b-d]e", "ace", true),
                row("a[b-d]e", "aae", false),
                row("a[^b-d]e", "aze", true),
                row(".*", ".foo", true),
                row(".*", "foo", false),
                row("abc.def", "abcdef", false),
                row("abc.def", "abc.def", true),
                row("abc.def", "abcZdef", false),
                row("abc?def", "abcZdef", true),
                row("abc?def", "abcdef", false),
                row("a\\\\", "a\\", true),
                row("**/foo/bar", "foo/bar", true),
                row("**/foo/bar", "dir/foo/bar", true),
                row("**/foo/bar", "dir/dir2/foo/bar", true),
                row("abc/**", "abc", false),
                row("abc/**", "abc/def", true),
                row("abc/**", "abc/def/ghi", true),
                row("**/.foo", ".foo", true),
                row("**/.foo", "bar.foo", false),
                row("a(b)c/def", "a(b)c/def", true),
                row("a(b)c/def", "a(b)c/xyz", false),
                row("a.|)$(}+{bc", "a.|)$(}+{bc", true),
                row("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
                row("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
                row("a\\*b", "a*b", true));
    }

    /** TestMatches' multiPatternTests, and the single-case tests above it (TestWildcardMatches ...). */
    static Stream<Arguments> multiPattern() {
        return Stream.of(
                rows(List.of("**", "!util/docker/web"), "util/docker/web/foo", false),
                rows(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", true),
                rows(List.of("**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
                rows(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
                rows(List.of("*"), "fileutils.go", true),
                rows(List.of("*.go"), "fileutils.go", true),
                rows(List.of("!fileutils.go", "*.go"), "fileutils.go", true),
                rows(List.of("docs", "!docs/README.md"), "docs/README.md", false),
                rows(List.of("docs/", "!docs/README.md"), "docs/README.md", false),
                rows(List.of("docs/*", "!docs/README.md"), "docs/README.md", false),
                rows(List.of("*.go", "!fileutils.go"), "fileutils.go", false),
                rows(List.of(), "/any/path/there", false));
    }

    /** MatchesOrParentMatches, and MatchesUsingParentResults without context: the same function here. */
    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("matches")
    void matchesOrParentMatches(String pattern, String text, boolean pass) {
        assertThat(DockerIgnore.of(List.of(pattern)).excludes(text)).isEqualTo(pass);
    }

    /** MatchesUsingParentResults, each parent directory matched first, as the context walk does. */
    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("matches")
    void matchesUsingParentResults(String pattern, String text, boolean pass) {
        assertThat(walked(DockerIgnore.of(List.of(pattern)), text)).isEqualTo(pass);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("multiPattern")
    void multiplePatterns(List<String> patterns, String text, boolean pass) {
        DockerIgnore ignore = DockerIgnore.of(patterns);

        assertThat(ignore.excludes(text)).isEqualTo(pass);
        assertThat(walked(ignore, text)).isEqualTo(pass);
    }

    private static boolean walked(DockerIgnore ignore, String text) {
        String parent = GoPath.dir(text);
        DockerIgnore.Match info = null;
        if (!".".equals(parent)) {
            String[] dirs = parent.split("/", -1);
            for (int i = 0; i < dirs.length; i++) {
                info = ignore.matches(String.join("/", List.of(dirs).subList(0, i + 1)), info);
            }
        }
        return ignore.matches(text, info).excluded();
    }

    /** TestMatch: Go's filepath.Match table as moby runs it through the package's Matches. */
    static Stream<Arguments> filepathMatch() {
        return Stream.of(
                match("abc", "abc", true), match("*", "abc", true), match("*c", "abc", true),
                match("a*", "a", true), match("a*", "abc", true), match("a*", "ab/c", true),
                match("a*/b", "abc/b", true), match("a*/b", "a/c/b", false),
                match("a*b*c*d*e*/f", "axbxcxdxe/f", true), match("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
                match("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false), match("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
                match("a*b?c*x", "abxbbxdbxebxczzx", true), match("a*b?c*x", "abxbbxdbxebxczzy", false),
                match("ab[c]", "abc", true), match("ab[b-d]", "abc", true), match("ab[e-g]", "abc", false),
                match("ab[^c]", "abc", false), match("ab[^b-d]", "abc", false), match("ab[^e-g]", "abc", true),
                match("a\\*b", "a*b", true), match("a\\*b", "ab", false),
                match("a?b", "a☺b", true), match("a[^a]b", "a☺b", true), match("a???b", "a☺b", false),
                match("a[^a][^a][^a]b", "a☺b", false), match("[a-ζ]*", "α", true), match("*[a-ζ]", "A", false),
                match("a?b", "a/b", false), match("a*b", "a/b", false),
                match("[\\]a]", "]", true), match("[\\-]", "-", true), match("[x\\-]", "x", true),
                match("[x\\-]", "-", true), match("[x\\-]", "z", false), match("[\\-x]", "x", true),
                match("[\\-x]", "-", true), match("[\\-x]", "a", false),
                match("*x", "xxx", true));
    }

    /** TestMatch's rows that must fail with ErrBadPattern, and TestMatchesWithMalformedPatterns. */
    static Stream<String> malformed() {
        return Stream.of("[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[",
                // TestMatchesOrParentMatchesMalformedPatternDoesNotPanicOnRepeatedCall: Go accepts the
                // pattern and fails on every match (l-O is no range); refused when read here.
                "[Local-Only]/");
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("filepathMatch")
    void filepathMatchTable(String pattern, String text, boolean match) {
        assertThat(deprecatedMatches(text, List.of(pattern))).isEqualTo(match);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedPatternsAreRefused(String pattern) {
        assertThatThrownBy(() -> DockerIgnore.of(List.of(pattern))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The package function Matches: cleans the path, never excludes ".". */
    private static boolean deprecatedMatches(String file, List<String> patterns) {
        DockerIgnore ignore = DockerIgnore.of(patterns);
        String cleaned = GoPath.clean(file);
        return !".".equals(cleaned) && ignore.excludes(cleaned);
    }

    @Test
    void singleCases() {
        assertThat(deprecatedMatches(".", List.of("*.go"))).isFalse();
        assertThatThrownBy(() -> DockerIgnore.of(List.of("!"))).hasMessageContaining("illegal exclusion pattern");
        assertThat(DockerIgnore.of(List.of("docs", "!docs/README.md")).hasExclusions()).isTrue();
        assertThat(DockerIgnore.of(List.of("docs", "  !docs/README.md")).hasExclusions()).isTrue();
        assertThat(DockerIgnore.of(List.of("docs", "!docs/README.md  ")).hasExclusions()).isTrue();
        assertThat(DockerIgnore.of(List.of("docs", "config", "")).excludes("")).isFalse();
    }

    /** TestCompile: the match type each pattern gets, and the regular expression where it has one. */
    static Stream<Arguments> compiled() {
        return Stream.of(
                compile("*", "REGEX"), compile("file*", "REGEX"), compile("*file", "REGEX"), compile("a*/b", "REGEX"),
                compile("**", "SUFFIX"), compile("**/**", "REGEX"), compile("dir/**", "PREFIX"),
                compile("**/dir", "SUFFIX"), compile("**/dir2/*", "REGEX"), compile("**/dir2/**", "REGEX"),
                compile("**file", "SUFFIX"), compile("**/file*txt", "REGEX"), compile("**/**/*.txt", "REGEX"),
                compile("a[b-d]e", "REGEX"), compile(".*", "REGEX"), compile("abc.def", "EXACT"),
                compile("abc?def", "REGEX"), compile("**/foo/bar", "SUFFIX"), compile("a(b)c/def", "EXACT"),
                compile("a.|)$(}+{bc", "EXACT"),
                compile("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "EXACT"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("compiled")
    void matchTypes(String pattern, String type) {
        assertThat(new IgnorePattern(GoPath.clean(pattern), false).matchType()).isEqualTo(type);
    }

    @Test
    void readAll() {
        String content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ";

        assertThat(IgnoreFile.read(content)).extracting(IgnoreFile.Line::pattern)
                .containsExactly("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!");
        assertThat(IgnoreFile.read("")).isEmpty();
        assertThatThrownBy(() -> DockerIgnore.parse(content)).hasMessage("line 8: illegal exclusion pattern: \"!\"");
    }

    private static Arguments row(String pattern, String text, boolean pass) {
        return Arguments.of(pattern, text, pass);
    }

    private static Arguments rows(List<String> patterns, String text, boolean pass) {
        return Arguments.of(patterns, text, pass);
    }

    private static Arguments match(String pattern, String text, boolean match) {
        return Arguments.of(pattern, text, match);
    }

    private static Arguments compile(String pattern, String type) {
        return Arguments.of(pattern, type);
    }
}
