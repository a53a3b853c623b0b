package io.github.dind.devcontainer.testing;

import static io.github.dind.devcontainer.testing.FakeContainer.exit;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The strict fake answers only what the test expects, and remembers what it was asked besides. */
class FakeContainerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aStrictContainerAnswersTheExpectedLinesExactlyAndAsTheirUser() {
        AtomicInteger asked = new AtomicInteger();
        FakeContainer container = FakeContainer.expecting()
                .on("cat /proc/1/cmdline", ok("dumb-init\0"))
                .on("dev$ /bin/sh -lc mvn -B -v", () -> asked.incrementAndGet() == 1 ? exit(127, "mvn: not found") : ok("Apache Maven"));

        assertThat(container.exec(TIMEOUT, "cat", "/proc/1/cmdline")).isEqualTo(ok("dumb-init\0"));
        assertThat(container.execAs("dev", TIMEOUT, "/bin/sh", "-lc", "mvn -B -v")).isEqualTo(exit(127, "mvn: not found"));
        assertThat(container.execAs("dev", TIMEOUT, "/bin/sh", "-lc", "mvn -B -v")).isEqualTo(ok("Apache Maven"));
        assertThat(container.commands()).containsExactly("cat /proc/1/cmdline", "dev$ /bin/sh -lc mvn -B -v",
                "dev$ /bin/sh -lc mvn -B -v");
        assertThat(container.unexpected()).isEmpty();
        container.assertOnlyExpected();
    }

    @Test
    void anyOtherLineFailsNamingItAndTheExpectedOnes() {
        FakeContainer container = FakeContainer.expecting().on("docker info --format {{.ServerVersion}} {{.Driver}}", ok("26.1.5 overlay2"));

        assertThatThrownBy(() -> container.exec(TIMEOUT, "echo", "26.1.5", "overlay2"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the container was asked `echo 26.1.5 overlay2`, which the test does not expect;"
                        + " it expects [docker info --format {{.ServerVersion}} {{.Driver}}]");
        assertThatThrownBy(() -> container.exec(TIMEOUT, "docker", "info", "--format", "{{.ServerVersion}}"))
                .hasMessageEndingWith("differs from character 39 on: asked ``, expected ` {{.Driver}}`");
        assertThatThrownBy(() -> container.execAs("dev", TIMEOUT, "docker", "info", "--format", "{{.ServerVersion}} {{.Driver}}"))
                .as("the same line as another user is another question")
                .hasMessageStartingWith("the container was asked `dev$ docker info --format {{.ServerVersion}} {{.Driver}}`");
        assertThat(container.unexpected()).containsExactly("echo 26.1.5 overlay2",
                "docker info --format {{.ServerVersion}}", "dev$ docker info --format {{.ServerVersion}} {{.Driver}}");
    }

    @Test
    void anUnexpectedLineIsRememberedWhenTheCodeUnderTestSwallowsTheError() {
        FakeContainer container = FakeContainer.expecting();

        CompletableFuture<Object> swallowed = CompletableFuture.supplyAsync(() -> container.exec(TIMEOUT, "docker", "system", "prune", "-af"));
        assertThatThrownBy(swallowed::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(AssertionError.class);

        assertThatThrownBy(container::assertOnlyExpected).isInstanceOf(AssertionError.class)
                .hasMessage("the container was asked commands the test does not expect: [docker system prune -af]; it expects []");
    }

    @Test
    void expectingALineAgainReplacesItsAnswer() {
        FakeContainer container = FakeContainer.expecting().on("cat /proc/1/cmdline", ok("sleep\0"));
        container.on("cat /proc/1/cmdline", ok("dumb-init\0"));

        assertThat(container.exec(TIMEOUT, "cat", "/proc/1/cmdline").stdout()).isEqualTo("dumb-init\0");
    }

    @Test
    void aLenientContainerAnswersAnythingAndTakesNoExpectations() {
        FakeContainer container = new FakeContainer(cmd -> ok(cmd));

        assertThat(container.exec(TIMEOUT, "echo", "hi").stdout()).isEqualTo("echo hi");
        assertThat(container.unexpected()).isEmpty();
        assertThatThrownBy(() -> container.on("echo hi", ok(""))).isInstanceOf(IllegalStateException.class);
    }
}
