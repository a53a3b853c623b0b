package io.github.dind.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout, enforced on the sources. The rooms follow the pipeline — the containers.dev model,
 * generate, image, run, verify — and each may use only rooms upstream of it (and the root's shared
 * types), by import or by qualified name: nothing reaches back down the pipeline, and nothing but
 * the Mojos knows Maven. {@code docker/} implements the ports {@code run/} declares.
 * docker-java stays behind the Docker boundary: the adapter ({@code docker/}) and the image build
 * and push that stream through it ({@code image/}).
 */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/dind/devcontainer");
    private static final String BASE = "io.github.dind.devcontainer";
    /** A use of one of the plugin's types: an import, or a qualified name in code or a doc link. */
    private static final Pattern OWN_TYPE = Pattern.compile("(?<![\\w.])" + Pattern.quote(BASE)
            + "\\.((?:[a-z]+\\.)*)[A-Z]");

    /** Which rooms each room may import (the root package, "", is open to all). */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("devcontainer", Set.of()),
            Map.entry("devcontainer.features", Set.of("devcontainer")),
            Map.entry("workspace", Set.of()),
            Map.entry("secrets", Set.of()),
            Map.entry("generate.request", Set.of("devcontainer")),
            Map.entry("generate.render", Set.of("devcontainer", "generate.request")),
            Map.entry("generate.files", Set.of("devcontainer", "generate.request", "generate.render")),
            Map.entry("generate", Set.of("devcontainer", "generate.request", "generate.render", "generate.files")),
            Map.entry("run", Set.of("devcontainer")),
            Map.entry("docker", Set.of("devcontainer", "run")),
            Map.entry("image.context", Set.of()),
            Map.entry("image.registry", Set.of("devcontainer")),
            Map.entry("image.features.oci", Set.of("devcontainer", "devcontainer.features", "image.registry")),
            Map.entry("image.features", Set.of("devcontainer", "devcontainer.features", "image.registry",
                    "image.features.oci")),
            Map.entry("image.offline", Set.of("devcontainer", "devcontainer.features")),
            Map.entry("image.sbom", Set.of()),
            Map.entry("image", Set.of("devcontainer", "devcontainer.features", "generate.files", "image.context",
                    "image.registry", "image.features", "image.offline", "image.features.oci", "image.sbom", "docker",
                    "secrets")),
            Map.entry("verify.checks", Set.of("devcontainer", "run", "secrets")),
            Map.entry("verify.report", Set.of("devcontainer", "run", "verify.checks")),
            Map.entry("verify.verdict", Set.of("devcontainer", "run", "verify.report")),
            Map.entry("verify", Set.of("devcontainer", "devcontainer.features", "generate.request", "generate.render", "run", "verify.checks",
                    "verify.report", "verify.verdict")),
            Map.entry("mojo", Set.of("devcontainer", "workspace", "generate", "generate.request", "generate.render",
                    "generate.files", "image", "image.registry", "run", "docker", "verify", "verify.checks")));

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String room(Path source) {
        Path parent = MAIN.relativize(source).getParent();
        return parent == null ? "" : parent.toString().replace('/', '.');
    }

    private static List<String> offenders(String importPrefix, List<String> allowedRooms) throws IOException {
        return sources().stream()
                .filter(p -> !allowedRooms.contains(room(p)))
                .filter(p -> imports(p, importPrefix))
                .map(p -> MAIN.relativize(p).toString())
                .toList();
    }

    private static boolean imports(Path source, String prefix) {
        try {
            return Files.readAllLines(source).stream()
                    .anyMatch(line -> line.startsWith("import " + prefix) || line.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRoomImportsOnlyTheRoomsBeforeItInThePipeline() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path source : sources()) {
            String room = room(source);
            assertThat(MAY_IMPORT).as("a rule for the room of " + source).containsKey(room);
            Matcher m = OWN_TYPE.matcher(Files.readString(source));
            while (m.find()) {
                String imported = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                if (!imported.isEmpty() && !imported.equals(room) && !MAY_IMPORT.get(room).contains(imported)) {
                    violations.add(MAIN.relativize(source) + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheMojosImportMaven() throws IOException {
        assertThat(offenders("org.apache.maven", List.of("mojo"))).isEmpty();
    }

    @Test
    void onlyTheDockerBoundaryImportsDockerJava() throws IOException {
        assertThat(offenders("com.github.dockerjava", List.of("docker", "image"))).isEmpty();
    }

    @Test
    void theScansSeeImports() throws IOException {
        assertThat(offenders("com.github.dockerjava", List.of())).anyMatch(p -> p.startsWith("docker/"));
        assertThat(offenders("org.apache.maven", List.of())).anyMatch(p -> p.startsWith("mojo/"));
        assertThat(sources()).anyMatch(p -> OWN_TYPE.matcher(read(p)).find());
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
