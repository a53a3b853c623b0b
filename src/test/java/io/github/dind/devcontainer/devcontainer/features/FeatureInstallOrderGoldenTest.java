package io.github.dind.devcontainer.devcontainer.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The install order against the real devcontainer CLI: each folder of
 * src/test/resources/golden/feature-order is a workspace with local Features, and
 * {@code install-order.json} is what {@code devcontainer features resolve-dependencies} printed for
 * it ({@code install-order.error} when it found no order); src/test/golden/regenerate-feature-order
 * writes them. The cases: the CLI's own local-simple case (dependsOn with options, installsAfter),
 * overrideFeatureInstallOrder, a shared dependency (once with the same options, twice with others),
 * a cycle, an installsAfter to a Feature nobody installs, and the sort within a round.
 */
class FeatureInstallOrderGoldenTest {
    private static final Path CASES = Path.of("src/test/resources/golden/feature-order");
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void installsInTheCliOrder(String name) throws Exception {
        Path devcontainer = CASES.resolve(name).resolve(".devcontainer").toAbsolutePath();
        ObjectNode config = (ObjectNode) JSON.readTree(devcontainer.resolve("devcontainer.json").toFile());
        Path error = CASES.resolve(name).resolve("install-order.error");
        if (Files.exists(error)) {
            assertThat(Files.readString(error)).contains("No viable installation order");
            assertThatThrownBy(() -> Features.order(config, devcontainer, devcontainer))
                    .isInstanceOf(FeatureException.class).hasMessageContaining("form a cycle among ./a, ./b");
            return;
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(CASES.resolve(name).resolve("install-order.json").toFile())) {
            expected.add(entry.path("id").asText() + " " + entry.path("options"));
        }

        List<String> ours = Features.order(config, devcontainer, devcontainer).stream()
                .map(p -> p.userFeatureId() + " " + p.options()).toList();

        assertThat(ours).isEqualTo(expected);
    }
}
