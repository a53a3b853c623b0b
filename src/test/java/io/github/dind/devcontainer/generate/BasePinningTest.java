package io.github.dind.devcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import io.github.dind.devcontainer.generate.files.ProjectFiles;
import io.github.dind.devcontainer.testing.RecordingConsole;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate pins the base image by digest, keeps the pin, updates it on purpose, and keeps an update bot's. */
class BasePinningTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);

    /** A registry as a map from {@code name:tag} to digest; unknown tags are unreachable. It counts the questions. */
    private final Map<String, String> registry = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final BasePins pins = tagged -> {
        asked.add(tagged.toString());
        String digest = registry.get(tagged.toString());
        if (digest == null) {
            throw new BasePins.Unavailable("nothing answers at https://registry.example:443 (connection refused)");
        }
        return new BasePins.Pin(digest, "the registry registry.example");
    };

    private List<ProjectFiles.Outcome> generate(Path folder, RecordingConsole console, boolean update, String baseImage,
            boolean jq) throws Exception {
        return new Generator(console).generate(Requests.build(Requests.sample("debian").baseImage(baseImage)
                .packages(jq ? List.of("jq") : List.of())), new Generator.Options(folder, null, null, false, true, update, pins));
    }

    private static ProjectFiles.Action dockerfile(List<ProjectFiles.Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.path().getFileName().toString().equals("Dockerfile")).findFirst()
                .orElseThrow().action();
    }

    private static String from(Path folder) throws Exception {
        return Files.readAllLines(folder.resolve("Dockerfile")).stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow();
    }

    @Test
    void pinsTheTagOnceAndKeepsThePinWithoutAskingAgain(@TempDir Path folder) throws Exception {
        registry.put("debian:trixie", A);
        RecordingConsole first = new RecordingConsole();
        generate(folder, first, false, null, false);

        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + A);
        assertThat(first.info()).contains("Base image debian:trixie pinned to " + A + " (the registry registry.example)");
        assertThat(first.warn()).isEmpty();

        registry.put("debian:trixie", B); // the tag moves: the pin does not, until asked
        RecordingConsole second = new RecordingConsole();
        assertThat(dockerfile(generate(folder, second, false, null, false))).isEqualTo(ProjectFiles.Action.UNCHANGED);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + A);
        assertThat(asked).containsExactly("debian:trixie");
    }

    @Test
    void updatePinsShowsOldAndNewOrUnchanged(@TempDir Path folder) throws Exception {
        registry.put("debian:trixie", A);
        generate(folder, new RecordingConsole(), false, null, false);
        registry.put("debian:trixie", B);

        RecordingConsole update = new RecordingConsole();
        assertThat(dockerfile(generate(folder, update, true, null, false))).isEqualTo(ProjectFiles.Action.UPDATED);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + B);
        assertThat(update.info()).contains("Base image debian:trixie: " + A + " \u2192 " + B + " (the registry registry.example)");

        RecordingConsole again = new RecordingConsole();
        assertThat(dockerfile(generate(folder, again, true, null, false))).isEqualTo(ProjectFiles.Action.UNCHANGED);
        assertThat(again.info()).contains("Base image debian:trixie: " + B + ", unchanged (the registry registry.example)");
    }

    @Test
    void anUnreachableRegistryLeavesTheTagUnpinnedWithOneWarningAndAnUpdateFails(@TempDir Path folder) throws Exception {
        RecordingConsole console = new RecordingConsole();
        generate(folder, console, false, null, false);

        assertThat(from(folder)).isEqualTo("FROM debian:trixie");
        assertThat(console.warn()).containsExactly("Cannot pin the base image debian:trixie to a digest: nothing answers at"
                + " https://registry.example:443 (connection refused). The Dockerfile's FROM names the tag, unpinned; a later"
                + " generate that reaches the registry pins it (" + Setting.assign("pinBaseImage", "false")
                + " turns pinning off).");

        registry.put("debian:trixie", A); // reachable again: the next generate pins
        generate(folder, new RecordingConsole(), false, null, false);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + A);

        registry.clear();
        String before = Files.readString(folder.resolve("Dockerfile"));
        assertThatThrownBy(() -> generate(folder, new RecordingConsole(), true, null, false))
                .isInstanceOf(BasePinException.class)
                .hasMessage("Cannot update the pin of the base image debian:trixie: nothing answers at"
                        + " https://registry.example:443 (connection refused). The Dockerfile is left as it is (FROM"
                        + " debian:trixie@" + A + "); run again when the registry can be reached (without -o)");
        assertThat(Files.readString(folder.resolve("Dockerfile"))).isEqualTo(before);
    }

    @Test
    void aBotsNewDigestIsKeptAndTheRestOfTheFileStillMaintained(@TempDir Path folder) throws Exception {
        registry.put("debian:trixie", A);
        generate(folder, new RecordingConsole(), false, null, false);
        Path file = folder.resolve("Dockerfile");
        Files.writeString(file, Files.readString(file).replace("\nFROM debian:trixie@" + A, "\nFROM debian:trixie@" + B));

        RecordingConsole same = new RecordingConsole();
        assertThat(dockerfile(generate(folder, same, false, null, false))).isEqualTo(ProjectFiles.Action.UNCHANGED);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + B);

        RecordingConsole changed = new RecordingConsole();
        assertThat(dockerfile(generate(folder, changed, false, null, true))).isEqualTo(ProjectFiles.Action.UPDATED);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + B);
        assertThat(Files.readString(file)).contains("        jq \\\n");
        assertThat(changed.info()).contains("Dockerfile: keeping FROM debian:trixie@" + B + ", which replaced debian:trixie@" + A
                + " since generate wrote it (an update bot's pin); the rest of the file is maintained as usual");
        assertThat(GeneratedFileMarker.read(Files.readString(file)).ownership())
                .isEqualTo(GeneratedFileMarker.Ownership.PLUGIN_UNCHANGED);
        assertThat(asked).containsExactly("debian:trixie");
    }

    @Test
    void aBotsNewTagIsKeptWhileThePomStillAsksForTheOldOneAndThePomWinsWhenItChanges(@TempDir Path folder) throws Exception {
        registry.put("debian:trixie", A);
        registry.put("debian:forky", C);
        generate(folder, new RecordingConsole(), false, null, false);
        Path file = folder.resolve("Dockerfile");
        Files.writeString(file, Files.readString(file).replace("\nFROM debian:trixie@" + A, "\nFROM debian:bookworm@" + B));

        generate(folder, new RecordingConsole(), false, null, true);
        assertThat(from(folder)).isEqualTo("FROM debian:bookworm@" + B);

        generate(folder, new RecordingConsole(), false, "debian:forky", true);
        assertThat(from(folder)).isEqualTo("FROM debian:forky@" + C);
    }

    @Test
    void aBotsChangeToAnotherRepositoryIsAnEditAndKept(@TempDir Path folder) throws Exception {
        registry.put("debian:trixie", A);
        generate(folder, new RecordingConsole(), false, null, false);
        Path file = folder.resolve("Dockerfile");
        String edited = Files.readString(file).replace("\nFROM debian:trixie@" + A, "\nFROM ubuntu:24.04@" + B);
        Files.writeString(file, edited);

        RecordingConsole console = new RecordingConsole();
        assertThat(dockerfile(generate(folder, console, true, null, true))).isEqualTo(ProjectFiles.Action.KEPT_EDITED);
        assertThat(Files.readString(file)).isEqualTo(edited);
        assertThat(console.warn()).anySatisfy(w -> assertThat(w).startsWith("The Dockerfile is yours (edited since it was"
                + " generated), so " + Setting.ref("updatePins") + " leaves its FROM as it is"));
        assertThat(asked).containsExactly("debian:trixie");
    }

    @Test
    void aBaseImageWithADigestIsWrittenAsGivenAndPinningOffWritesTheTag(@TempDir Path folder) throws Exception {
        generate(folder, new RecordingConsole(), false, "debian:trixie@" + C, false);
        assertThat(from(folder)).isEqualTo("FROM debian:trixie@" + C);

        registry.put("debian:trixie", A);
        new Generator(new RecordingConsole()).generate(Requests.build(Requests.sample("debian")),
                new Generator.Options(folder, null, null, false, false, false, pins));
        assertThat(from(folder)).isEqualTo("FROM debian:trixie");
        assertThat(asked).isEmpty();
    }

    @Test
    void thePinStandsOnlyForTheRepositoryAndTagAsked() {
        GeneratedFileMarker.Reading unchanged = new GeneratedFileMarker.Reading(GeneratedFileMarker.Ownership.PLUGIN_UNCHANGED,
                java.util.Optional.of("debian:trixie@" + A), java.util.Optional.of("debian:trixie@" + A));

        assertThat(BasePinning.keptPin(ImageReference.parse("debian:trixie"), java.util.Optional.of(unchanged)))
                .contains(ImageReference.parse("debian:trixie@" + A));
        assertThat(BasePinning.keptPin(ImageReference.parse("debian:forky"), java.util.Optional.of(unchanged))).isEmpty();
        assertThat(BasePinning.keptPin(ImageReference.parse("docker.io/library/debian:trixie"), java.util.Optional.of(unchanged)))
                .isEmpty();
        assertThat(BasePinning.keptPin(ImageReference.parse("debian:trixie"), java.util.Optional.of(
                new GeneratedFileMarker.Reading(GeneratedFileMarker.Ownership.PLUGIN_UNCHANGED, java.util.Optional.empty(),
                        java.util.Optional.of("debian:trixie"))))).isEmpty();
    }
}
