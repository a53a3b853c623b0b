package io.github.dind.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering, enforced on the sources: Maven is imported only by {@code mojo/} (the adapter), and
 * docker-java only by {@code docker/} and {@code build/} (the Docker boundary), so the spec, the
 * renderer and the verification logic stay plain Java that tests construct directly.
 */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/dind/devcontainer");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> offenders(String importPrefix, List<String> allowedPackages) throws IOException {
        return sources().stream()
                .filter(p -> !allowedPackages.contains(MAIN.relativize(p).getParent() == null ? ""
                        : MAIN.relativize(p).getParent().toString()))
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
    void onlyTheMojosImportMaven() throws IOException {
        assertThat(offenders("org.apache.maven", List.of("mojo"))).isEmpty();
    }

    @Test
    void onlyTheDockerBoundaryImportsDockerJava() throws IOException {
        assertThat(offenders("com.github.dockerjava", List.of("docker", "build"))).isEmpty();
    }

    @Test
    void theScanSeesImports() throws IOException {
        assertThat(offenders("com.github.dockerjava", List.of())).anyMatch(p -> p.startsWith("docker/"));
        assertThat(offenders("org.apache.maven", List.of())).anyMatch(p -> p.startsWith("mojo/"));
    }
}
