package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.testing.RecordingConsole;
import org.junit.jupiter.api.Test;

class BuildProgressTest {

    @Test
    void logsStepsAndOutputLineByLineKeepingOnlyTheLastRedrawOfAProgressLine() {
        RecordingConsole console = new RecordingConsole();
        BuildProgress progress = new BuildProgress(console);

        progress.accept("Step 1/3 : FROM debian:trixie\n ---> 39c5efeb79cb\nStep 2/3 : RUN apt");
        progress.accept("-get update\n ---> Running in 0123456789ab\nGet:1 http://deb.debian.org trixie InRelease\n");
        progress.accept("progress 10%\rprogress 50%\rprogress 100%\n ---> Using cache\n");

        assertThat(console.info()).containsExactly(
                "Step 1/3 : FROM debian:trixie",
                "Step 2/3 : RUN apt-get update",
                "  Get:1 http://deb.debian.org trixie InRelease",
                "  progress 100%",
                "  (cached)");
        assertThat(console.info()).noneMatch(line -> line.contains("\r"));
        assertThat(console.debug()).contains("  ---> Running in 0123456789ab", "  ---> 39c5efeb79cb");
        assertThat(progress.step()).isEqualTo("Step 2/3 : RUN apt-get update");
        assertThat(progress.lastLines()).containsExactly("Get:1 http://deb.debian.org trixie InRelease", "progress 100%");
    }

    @Test
    void remembersOnlyTheLastLinesOfTheCurrentStep() {
        BuildProgress progress = new BuildProgress(new RecordingConsole());

        progress.accept("Step 1/2 : RUN noisy\n");
        for (int i = 0; i < 40; i++) {
            progress.accept("line " + i + "\n");
        }
        progress.accept("Step 2/2 : RUN false\nonly this\n");

        assertThat(progress.lastLines()).containsExactly("only this");
    }

    @Test
    void theFailureMessageNamesTheStepAndShowsItsOutput() {
        ImageBuildException e = ImageBuildException.stepFailed("Step 4/9 : RUN false",
                "The command '/bin/sh -c false' returned a non-zero code: 1", java.util.List.of("about to fail"));

        assertThat(e.getMessage()).contains("The image build failed at Step 4/9 : RUN false:",
                "The command '/bin/sh -c false' returned a non-zero code: 1", "| about to fail");
    }

    @Test
    void aStepLineShowsWhatLooksLikeACredentialAsItsPreviewOnly() {
        RecordingConsole console = new RecordingConsole();
        BuildProgress progress = new BuildProgress(console);
        String token = "npm_" + "ITfakeITfakeITfakeITfakeITfake654321"; // made up

        progress.accept("Step 4/5 : ENV DB_PASSWORD=hunter2-literal HOME=/root\n ---> Running in 0123456789ab\n");
        progress.accept("Step 5/5 : LABEL devcontainer.metadata=[{\"containerEnv\":{\"NPM_TOKEN\":\"" + token + "\"}}]\n");

        assertThat(console.info()).containsExactly("Step 4/5 : ENV DB_PASSWORD=[hidden: 15 characters] HOME=/root",
                "Step 5/5 : LABEL devcontainer.metadata=[{\"containerEnv\":{\"NPM_TOKEN\":\"[hidden: npm_…, 40 characters]\"}}]");
        assertThat(progress.step()).doesNotContain("ITfake");
    }
}
