package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.context.BuildContextException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the builder refuses before it talks to any daemon (it is given none here). */
class ImageBuilderContextTest {
    @TempDir
    Path dir;

    private static BuildRequest request(Path context, String dockerfile) throws Exception {
        return new BuildRequest(context, context.resolve(dockerfile).normalize(), ImageName.of("app-devcontainer", List.of("1.0")), Map.of(), Map.of(),
                null, PullPolicy.MISSING, false, false, Duration.ofMinutes(1));
    }

    private final ImageBuilder builder = new ImageBuilder(() -> null, null, "nowhere", new RecordingConsole(), java.util.Map.of());

    @Test
    void aMissingContextSaysToGenerateFirst() {
        Path missing = dir.resolve(".devcontainer");

        assertThatThrownBy(() -> builder.build(request(missing, "Dockerfile")))
                .isInstanceOf(BuildContextException.class)
                .hasMessageContaining("The build context " + missing + " does not exist")
                .hasMessageContaining("devcontainer:generate");
    }

    @Test
    void aMissingDockerfileIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("ctx"));

        assertThatThrownBy(() -> builder.build(request(dir.resolve("ctx"), "Other.Dockerfile")))
                .isInstanceOf(BuildContextException.class)
                .hasMessageContaining("There is no Dockerfile at " + dir.resolve("ctx/Other.Dockerfile"));
    }

    @Test
    void aTargetThatIsNoStageIsNamedBeforeTheDaemonIsAsked() throws Exception {
        Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(dir.resolve("ctx/Dockerfile"), "FROM debian:trixie AS base\nFROM base AS dev\n");
        BuildRequest plain = request(dir.resolve("ctx"), "Dockerfile");
        BuildRequest request = new BuildRequest(plain.contextDirectory(), plain.dockerfile(), plain.image(), Map.of(),
                Map.of(), null, PullPolicy.MISSING, false, false, Duration.ofMinutes(1), List.of(), "Test", null, List.of(),
                io.github.dind.devcontainer.image.features.FeaturePlan.NONE);

        assertThatThrownBy(() -> builder.build(request))
                .isInstanceOf(BuildContextException.class)
                .hasMessageContaining("The target stage \"Test\"")
                .hasMessageContaining("its named stages are [base, dev]");
    }
}
