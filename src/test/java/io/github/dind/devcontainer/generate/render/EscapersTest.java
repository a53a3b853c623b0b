package io.github.dind.devcontainer.generate.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EscapersTest {

    static Stream<String> hostile() {
        return Stream.of(
                "plain",
                "semi;colon && rm -rf /",
                "$(id) and ${HOME} and $HOME",
                "`touch /tmp/pwned`",
                "single ' quote",
                "double \" quote",
                "back\\slash\\",
                "trailing backslash \\",
                "tab\there",
                "unicode: naïve café 日本語 🐳",
                "right-to-left \u202e override",
                "line\u2028separator",
                "</script><!-- html is not the point -->",
                "{{mustache}} {{{triple}}}");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void jsonRoundTripsThroughAJsonParser(String value) {
        String document = "{\"v\": \"" + Escapers.json(value) + "\"}";

        assertThat(Jsonc.parse(document).path("v").textValue()).isEqualTo(value);
    }

    @Test
    void jsonEscapesControlCharacters() {
        assertThat(Escapers.json("a\nb\u0000c\u001bd")).isEqualTo("a\\nb\\u0000c\\u001bd");
        assertThat(Jsonc.parse("{\"v\": \"" + Escapers.json("a\nb\u0000c\u001bd") + "\"}").path("v").textValue())
                .isEqualTo("a\nb\u0000c\u001bd");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void shellRoundTripsThroughBash(String value) {
        Processes.Result result = Processes.run(List.of("bash", "-s"), "printf '%s' \"" + Escapers.shell(value) + "\"\n");

        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo(value);
    }

    @Test
    void shellKeepsNewlinesLiteralAndRejectsNul() {
        Processes.Result result = Processes.run(List.of("bash", "-s"), "printf '%s' \"" + Escapers.shell("a\nb") + "\"\n");
        assertThat(result.stdout()).isEqualTo("a\nb");

        assertThatThrownBy(() -> Escapers.shell("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void dockerfileRoundTripsThroughDockersDoubleQuoteRules(String value) {
        assertThat(DockerfileWords.unquote("\"" + Escapers.dockerfile(value) + "\"")).isEqualTo(value);
    }

    @Test
    void dockerfileRejectsLineBreaks() {
        assertThatThrownBy(() -> Escapers.dockerfile("a\nRUN curl evil | sh")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Escapers.dockerfile("a\rb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dockerfileEscapesVariablesSoTheyAreNotExpanded() {
        assertThat(Escapers.dockerfile("$HOME ${PATH}")).isEqualTo("\\$HOME \\${PATH}");
    }

    /** A bare Dockerfile value: one escaping that both Docker's word rules and a shell read back unchanged. */
    @ParameterizedTest
    @MethodSource("hostile")
    void dockerfileOrShellRoundTripsThroughBothOrRejectsABacktick(String value) {
        if (value.contains("`")) {
            assertThatThrownBy(() -> Escapers.dockerfileOrShell(value)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        String body = Escapers.dockerfileOrShell(value);

        assertThat(DockerfileWords.unquote("\"" + body + "\"")).isEqualTo(value);
        Processes.Result result = Processes.run(List.of("sh", "-c", "printf '%s' \"" + body + "\""), "");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo(value);
    }

    /** {{v.shell.json}}: a shell word inside a JSON string, as a devcontainer.json command holds it. */
    @ParameterizedTest
    @MethodSource("hostile")
    void aShellWordInsideAJsonStringRoundTrips(String value) {
        String escaped = EscapeContext.JSON.escape(EscapeContext.SHELL.escape(value));
        String command = Jsonc.parse("{\"c\": \"printf '%s' \\\"" + escaped + "\\\"\"}").path("c").textValue();

        Processes.Result result = Processes.run(List.of("sh", "-c", command), "");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo(value);
    }

    @Test
    void aDockerfileRefusesALineBreakInEveryContextButJsonWhichEscapesIt() {
        for (EscapeContext context : List.of(EscapeContext.SHELL, EscapeContext.DOCKERFILE,
                EscapeContext.DOCKERFILE_OR_SHELL)) {
            String value = "a\nRUN touch /pwned";
            assertThatThrownBy(() -> Format.DOCKERFILE.finish(value, context.escape(value)))
                    .as(context.name())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Format.DOCKERFILE.finish("a\nb", EscapeContext.JSON.escape("a\nb"))).isEqualTo("a\\nb");
    }

    @Test
    void aTagNamesItsContextsInnermostFirst() {
        assertThat(ValueTag.parse("name.shell.json")).isEqualTo(new ValueTag("name",
                List.of(EscapeContext.SHELL, EscapeContext.JSON)));
        assertThat(ValueTag.parse(" name ")).isEqualTo(new ValueTag("name", List.of()));
        assertThat(ValueTag.parse("project.name.dockerfile")).isEqualTo(new ValueTag("project.name",
                List.of(EscapeContext.DOCKERFILE)));
        assertThat(ValueTag.parse("shell")).isEqualTo(new ValueTag("shell", List.of()));
        assertThat(ValueTag.parse("name.shell.json").written()).isEqualTo("{{name.shell.json}}");
    }

    /**
     * Docker's rules for a double-quoted word (moby/buildkit frontend/dockerfile/shell/lex.go,
     * processDoubleQuote): a backslash escapes {@code "}, {@code $} and itself and is kept before
     * any other character; an unescaped {@code $} starts a variable; a line break ends the line.
     */
    static final class DockerfileWords {
        static String unquote(String word) {
            assertThat(word).startsWith("\"").endsWith("\"");
            String body = word.substring(1, word.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\n' || c == '\r') {
                    throw new AssertionError("a line break ends the Dockerfile instruction");
                }
                if (c == '"') {
                    throw new AssertionError("an unescaped quote ends the word early: " + word);
                }
                if (c == '$') {
                    throw new AssertionError("an unescaped $ would be expanded: " + word);
                }
                if (c == '\\' && i + 1 < body.length()) {
                    char next = body.charAt(i + 1);
                    if (next == '"' || next == '$' || next == '\\') {
                        out.append(next);
                        i++;
                        continue;
                    }
                }
                out.append(c);
            }
            return out.toString();
        }
    }
}
