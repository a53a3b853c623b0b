package io.github.dind.devcontainer.generate.render;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-side maven-settings script, run for real with sh against a prepared home folder. */
class MavenSettingsScriptTest {
    @TempDir
    Path dir;

    private Path script() throws Exception {
        GeneratedFile file = new Renderer(null).render(Requests.build(Requests.sample("debian").mavenSettings(true))).stream()
                .filter(f -> f.fileName().equals("maven-settings")).findFirst().orElseThrow();
        return Files.writeString(dir.resolve("maven-settings"), file.body());
    }

    private Processes.Result run(Path home) throws Exception {
        return Processes.run(List.of("env", "HOME=" + home, "sh", script().toString()), "");
    }

    @Test
    void aHostWithoutSettingsGetsAnEmptyOneAndIsToldSo() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));

        Processes.Result result = run(home);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(home.resolve(".m2/settings.xml")).hasContent("<settings/>");
        assertThat(result.stdout()).isEqualTo("maven-settings: created an empty " + home.resolve(".m2/settings.xml")
                + ", which devcontainer.json mounts into the container\n");
    }

    @Test
    void aSettingsFileThatIsThereIsNeverTouched() throws Exception {
        Path home = dir.resolve("home");
        Path settings = Files.writeString(Files.createDirectories(home.resolve(".m2")).resolve("settings.xml"),
                "<settings><offline>true</offline></settings>");
        Files.setLastModifiedTime(settings, java.nio.file.attribute.FileTime.fromMillis(0));

        Processes.Result result = run(home);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(settings).hasContent("<settings><offline>true</offline></settings>");
        assertThat(Files.getLastModifiedTime(settings).toMillis()).isZero();
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        Processes.Result result = Processes.run(List.of("shellcheck", "--severity=style", "-"), Files.readString(script()));

        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }
}
