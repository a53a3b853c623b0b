package io.github.dind.devcontainer.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.run.ImageSurface;
import io.github.dind.devcontainer.testing.FakeContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link NoSecretsCheck} on image surfaces: the one this project's debian devcontainer has (recorded
 * from {@code docker history --no-trunc} and {@code docker image inspect} of an IT's image), and that
 * one with credentials added where they end up. The container is a strict fake that expects no
 * command: the check reads the image from the engine only. The tokens are made up, assembled at run time.
 */
class NoSecretsCheckTest {
    static final String GITHUB = "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6";
    static final String NPM = "npm_" + "ITfakeITfakeITfakeITfakeITfake123456";
    static final String PASSWORD = "hunter2-literal";

    @RegisterExtension
    final FakeContainers containers = new FakeContainers();

    static ImageSurface debianDevcontainer() throws Exception {
        Path folder = Path.of("src/test/resources/secrets/debian-devcontainer");
        JsonMapper json = new JsonMapper();
        return new ImageSurface(Files.readAllLines(folder.resolve("history.txt")),
                json.readValue(folder.resolve("env.json").toFile(), new TypeReference<List<String>>() { }),
                json.readValue(folder.resolve("labels.json").toFile(), new TypeReference<Map<String, String>>() { }));
    }

    /** The devcontainer with a token passed as a build arg, a literal ENV and a token in containerEnv. */
    static ImageSurface withCredentials() throws Exception {
        ImageSurface plain = debianDevcontainer();
        List<String> history = new ArrayList<>(plain.history());
        String metadata = plain.labels().get("devcontainer.metadata")
                .replace("\"remoteUser\":\"root\"", "\"remoteUser\":\"root\",\"containerEnv\":{\"NPM_TOKEN\":\"" + NPM
                        + "\",\"HOME_URL\":\"https://example.com\"},\"remoteEnv\":{\"SAFE_TOKEN\":\"${localEnv:SAFE_TOKEN}\"}");
        history.set(4, "/bin/sh -c #(nop)  LABEL devcontainer.metadata=" + metadata);
        history.add(7, "/bin/sh -c #(nop)  ENV DB_PASSWORD=" + PASSWORD);
        history.add(8, "|1 GITHUB_TOKEN=" + GITHUB + " /bin/sh -c git clone https://x-access-token:$GITHUB_TOKEN@github.com/o/r");
        List<String> env = new ArrayList<>(plain.env());
        env.add("DB_PASSWORD=" + PASSWORD);
        Map<String, String> labels = new LinkedHashMap<>(plain.labels());
        labels.put("devcontainer.metadata", metadata);
        return new ImageSurface(history, env, labels);
    }

    @Test
    void theGeneratedDevcontainerHoldsNothingAndTheCheckAsksTheContainerNothing() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        NoSecretsCheck check = new NoSecretsCheck(() -> {
            reads.incrementAndGet();
            return debianDevcontainer();
        }, List.of());

        Observation seen = check.run(containers.expecting(), new Timings());

        assertThat(seen.passed()).as(seen.detail()).isTrue();
        assertThat(seen.detail()).isEqualTo("nothing that looks like a credential in 23 history entries, 3 environment"
                + " variables and 5 labels");
        assertThat(reads).hasValue(1);
        assertThat(check.requires()).isEmpty();
        assertThat(check.concurrent()).isTrue();
    }

    @Test
    void eachPlaceIsNamedWithWhatItHoldsAndNoValue() throws Exception {
        Observation seen = new NoSecretsCheck(NoSecretsCheckTest::withCredentials, List.of()).run(containers.expecting(),
                new Timings());

        assertThat(seen.passed()).isFalse();
        assertThat(seen.detail()).startsWith("5 values look like a credential in the image, where anyone who pulls it"
                + " reads them (push publishes the history, environment and labels with it): "
                + "history row 5: NPM_TOKEN holds an npm access token (npm_…, 40 characters); "
                + "history row 8: DB_PASSWORD holds a literal value under a name that means a secret (15 characters); "
                + "history row 9: GITHUB_TOKEN holds a GitHub token (ghp_…, 40 characters); "
                + "the image's environment: DB_PASSWORD holds a literal value under a name that means a secret (15 characters); "
                + "label devcontainer.metadata, entry 1, containerEnv: NPM_TOKEN holds an npm access token (npm_…, 40 characters). "
                + "Keep secrets out of the image")
                .contains("allowedSecrets")
                .doesNotContain(GITHUB.substring(4), NPM.substring(4), PASSWORD);
    }

    @Test
    void theAllowListLetsNamedValuesAndFormatsPass() throws Exception {
        Observation seen = new NoSecretsCheck(NoSecretsCheckTest::withCredentials, List.of("DB_PASSWORD", "npm-token"))
                .run(containers.expecting(), new Timings());

        assertThat(seen.detail()).startsWith("1 value looks like a credential in the image, where anyone who pulls it reads it"
                + " (push publishes the history, environment and labels with it): history row 9: GITHUB_TOKEN holds a GitHub token");
    }

    @Test
    void aLabelThatIsNoJsonAndEveryOtherLabelAreReadAsText() throws Exception {
        NoSecretsCheck check = new NoSecretsCheck(() -> null, List.of());

        assertThat(check.findings(new ImageSurface(List.of(""), List.of("NOEQUALS " + GITHUB), Map.of(
                "devcontainer.metadata", "not json " + GITHUB,
                "org.opencontainers.image.source", "https://ci:" + "s3cr3tpassw0rd" + "@git.example.com/app.git"))))
                .extracting(f -> f.describe()).containsExactlyInAnyOrder(
                        "the image's environment holds a GitHub token (ghp_…, 40 characters)",
                        "label devcontainer.metadata holds a GitHub token (ghp_…, 40 characters)",
                        "labels: org.opencontainers.image.source holds a URL with a password (http…, 26 characters)");
    }

    @Test
    void aFeaturesEntryIsNamedByItsIdAndNestedPropertiesByTheirPath() throws Exception {
        NoSecretsCheck check = new NoSecretsCheck(() -> null, List.of());
        String label = "[{\"id\":\"./app\",\"postCreateCommand\":{\"login\":\"npm login --auth-token=" + "abc123def" + "\"}},"
                + "{\"postStartCommand\":[\"sh\",\"-c\",\"export API_KEY=" + "k3y-literal" + "\"]}]";

        assertThat(check.findings(new ImageSurface(List.of(), List.of(), Map.of("devcontainer.metadata", label))))
                .extracting(f -> f.describe()).containsExactly(
                        "label devcontainer.metadata, entry 1 (./app), postCreateCommand: auth-token holds a literal value"
                                + " under a name that means a secret (9 characters)",
                        "label devcontainer.metadata, entry 2: API_KEY holds a literal value under a name that means a"
                                + " secret (11 characters)");
    }
}
