package io.github.dind.devcontainer.devcontainer;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the devcontainer holds for Java, as generate recorded it in devcontainer.json under
 * {@code customizations."devcontainer-maven-plugin"} (the spec's place for tool-specific settings):
 * the JDK's feature version, whether Maven is installed, where Maven's local repository volume
 * is mounted, and the JDKs {@code ~/.m2/toolchains.xml} lists. Verify's java, maven and
 * project-build checks read it.
 *
 * @param javaVersion the JDK's feature version; empty when no JDK is installed
 * @param localRepository the mount target of the local repository volume; empty when there is none
 * @param toolchains the feature versions of the JDKs toolchains.xml lists; empty when the file records none
 */
public record JavaExpectations(OptionalInt javaVersion, boolean maven, Optional<String> localRepository,
        List<Integer> toolchains) {
    public JavaExpectations {
        toolchains = List.copyOf(toolchains);
    }

    /** The customizations key generate writes. */
    public static final String CUSTOMIZATIONS_KEY = "devcontainer-maven-plugin";

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** A devcontainer.json without the plugin's customizations: nothing Java to check. */
    public static JavaExpectations none() {
        return new JavaExpectations(OptionalInt.empty(), false, Optional.empty(), List.of());
    }

    public boolean any() {
        return javaVersion.isPresent() || maven;
    }

    /** @throws IOException when the file cannot be read or is not JSON with comments */
    public static JavaExpectations read(Path devcontainerJson) throws IOException {
        JsonNode config;
        try {
            config = JSONC.readTree(Files.readString(devcontainerJson));
        } catch (IOException e) {
            throw new IOException("Cannot read " + devcontainerJson + " as JSON with comments: " + e.getMessage(), e);
        }
        JsonNode ours = config.path("customizations").path(CUSTOMIZATIONS_KEY);
        if (!ours.isObject()) {
            return none();
        }
        OptionalInt java = JavaVersion.parse(ours.path("javaVersion").asText(""));
        String repository = ours.path("localRepository").asText("");
        List<Integer> toolchains = new ArrayList<>();
        ours.path("toolchains").forEach(v -> JavaVersion.parse(v.asText("")).ifPresent(toolchains::add));
        return new JavaExpectations(java, ours.path("maven").asBoolean(false),
                repository.isBlank() ? Optional.empty() : Optional.of(repository), toolchains);
    }
}
