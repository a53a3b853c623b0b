package io.github.dind.devcontainer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.testing.RecordingConsole;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generate goal reports beside the files it writes. */
class GeneratorTest {

    @Test
    void alpineWarnsThatJetbrainsIdesCannotOpenItAndTheGlibcDistrosDoNot(@TempDir Path folder) throws Exception {
        RecordingConsole alpine = new RecordingConsole();
        new Generator(alpine).generate(Requests.build(Requests.sample("alpine")),
                new Generator.Options(folder.resolve("alpine"), null, null, false));

        assertThat(alpine.warn()).containsExactly("JetBrains IDEs (IntelliJ IDEA and the others) cannot open this"
                + " devcontainer: their IDE backend runs on glibc-based images only, and alpine uses musl. VS Code and"
                + " the devcontainer CLI can. For a JetBrains IDE choose " + Setting.assign("distro", "debian")
                + ", ubuntu or wolfi.");
        assertThat(Files.readString(folder.resolve("alpine/devcontainer.json"))).doesNotContain("jetbrains");

        for (String distro : List.of("wolfi", "debian", "ubuntu")) {
            RecordingConsole glibc = new RecordingConsole();
            new Generator(glibc).generate(Requests.build(Requests.sample(distro)),
                    new Generator.Options(folder.resolve(distro), null, null, false));
            assertThat(glibc.warn()).as(distro).isEmpty();
            assertThat(Files.readString(folder.resolve(distro + "/devcontainer.json"))).contains("\"backend\": \"IntelliJ\"");
        }
    }

    @Test
    void onAlpineTheWarningSaysTheJetbrainsPluginsAreLeftOut(@TempDir Path folder) throws Exception {
        RecordingConsole console = new RecordingConsole();
        new Generator(console).generate(Requests.build(Requests.sample("alpine")
                .jetbrainsPlugins(List.of("org.intellij.plugins.hcl"))), new Generator.Options(folder, null, null, false));

        assertThat(console.warn()).singleElement().asString()
                .endsWith("; until then " + Setting.ref("jetbrainsPlugins") + " is not written into devcontainer.json.");
        assertThat(Files.readString(folder.resolve("devcontainer.json"))).doesNotContain("org.intellij.plugins.hcl");
    }

    @Test
    void aDevcontainerJsonOfYourOwnWithoutTheDindFeatureGetsAWarningAndOneThatNamesItNone(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("devcontainer.json"), "{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"privileged\": true}");
        RecordingConsole console = new RecordingConsole();
        new Generator(console).generate(Requests.build(Requests.sample("debian")), new Generator.Options(folder, null, null, false));

        assertThat(console.warn()).anySatisfy(w -> assertThat(w).contains("does not name the dind Feature")
                .contains("\"features\": {\"./dind\": {}}"));
        assertThat(folder.resolve("dind/devcontainer-feature.json")).isRegularFile();

        Files.writeString(folder.resolve("devcontainer.json"), "{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"features\": {\"./dind\": {}}}");
        RecordingConsole named = new RecordingConsole();
        new Generator(named).generate(Requests.build(Requests.sample("debian")), new Generator.Options(folder, null, null, false));
        assertThat(named.warn()).noneMatch(w -> w.contains("dind Feature"));
    }

    @Test
    void aKeptDevcontainerJsonWhoseVerifyExpectationsAreStaleGetsAWarningNamingTheValues(@TempDir Path folder) throws Exception {
        new Generator(new RecordingConsole()).generate(Requests.build(Requests.sample("debian").javaVersion("21")),
                new Generator.Options(folder, null, null, false));
        Path json = folder.resolve("devcontainer.json");
        String generated = Files.readString(json);
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"javaVersion\": \"(\\d+)\"").matcher(generated);
        assertThat(version.find()).isTrue();
        // the team's edit (an own hook) plus a Java version that no longer matches the project
        Files.writeString(json, generated.replace(version.group(0), "\"javaVersion\": \"8\"")
                .replace("\"init\": false,", "\"init\": false,\n  \"onCreateCommand\": \"docker version\","));
        RecordingConsole console = new RecordingConsole();

        new Generator(console).generate(Requests.build(Requests.sample("debian").javaVersion("21")),
                new Generator.Options(folder, null, null, false));

        assertThat(console.warn()).anySatisfy(w -> assertThat(w).contains("customizations.devcontainer-maven-plugin")
                .contains("javaVersion: yours \"8\", generate's \"" + version.group(1) + "\"")
                .contains("update those values in it by hand"));
        assertThat(Files.readString(json)).contains("\"onCreateCommand\": \"docker version\"");
    }

    @Test
    void aKeptDevcontainerJsonWithoutThePreloadFeatureGetsAWarning(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("devcontainer.json"), "{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"features\": {\"./dind\": {}}}");
        RecordingConsole console = new RecordingConsole();
        new Generator(console).generate(Requests.build(Requests.sample("debian").preloadImages(List.of("debian:trixie"))),
                new Generator.Options(folder, null, null, false));

        assertThat(console.warn()).anySatisfy(w -> assertThat(w).contains("does not name the preload Feature")
                .contains("\"./preload\": {}").contains(Setting.ref("preloadImages")));
        assertThat(folder.resolve("preload/images.txt")).isRegularFile();

        Files.writeString(folder.resolve("devcontainer.json"),
                "{\"build\": {\"dockerfile\": \"Dockerfile\"}, \"features\": {\"./dind\": {}, \"./preload\": {}}}");
        RecordingConsole named = new RecordingConsole();
        new Generator(named).generate(Requests.build(Requests.sample("debian").preloadImages(List.of("debian:trixie"))),
                new Generator.Options(folder, null, null, false));
        assertThat(named.warn()).noneMatch(w -> w.contains("preload Feature"));
        RecordingConsole without = new RecordingConsole();
        new Generator(without).generate(Requests.build(Requests.sample("debian")), new Generator.Options(folder.resolve("x"), null, null, false));
        assertThat(without.warn()).noneMatch(w -> w.contains("preload Feature"));
    }

    @Test
    void aDockerignoreOfYourOwnThatLetsThePayloadInGetsAWarning(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(".dockerignore"), "*.bak\n");
        RecordingConsole console = new RecordingConsole();
        new Generator(console).generate(Requests.build(Requests.sample("debian").preloadImages(List.of("debian:trixie"))),
                new Generator.Options(folder, null, null, false));
        assertThat(console.warn()).anySatisfy(w -> assertThat(w).contains("does not leave out preload/images/"));

        Files.writeString(folder.resolve(".dockerignore"), "*.bak\npreload/images/\n");
        RecordingConsole fine = new RecordingConsole();
        new Generator(fine).generate(Requests.build(Requests.sample("debian").preloadImages(List.of("debian:trixie"))),
                new Generator.Options(folder, null, null, false));
        assertThat(fine.warn()).noneMatch(w -> w.contains("preload/images/"));
    }

    @Test
    void aFeatureWhoseParameterWasTurnedOffIsNamedAsLeftOver(@TempDir Path folder) throws Exception {
        new Generator(new RecordingConsole()).generate(Requests.build(Requests.sample("debian")
                .projectJava(new io.github.dind.devcontainer.generate.request.JavaToolchain.ProjectJava(17, "the pom"))
                .offlineRepository(true)), new Generator.Options(folder, null, null, false));
        RecordingConsole off = new RecordingConsole();

        new Generator(off).generate(Requests.build(Requests.sample("debian")
                .projectJava(new io.github.dind.devcontainer.generate.request.JavaToolchain.ProjectJava(17, "the pom"))),
                new Generator.Options(folder, null, null, false));

        assertThat(off.warn()).anySatisfy(w -> assertThat(w).contains("offline-repository is a Feature generate wrote for")
                .contains("which is off now").contains("Remove the folder"));
        assertThat(off.warn()).noneMatch(w -> w.contains("preload is a Feature"));
        assertThat(folder.resolve("offline-repository/devcontainer-feature.json")).as("never deleted").isRegularFile();
    }
}
