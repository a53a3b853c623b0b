package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerException;
import io.github.dind.devcontainer.run.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Testcontainers itself runs inside, as the remote user: the project's Testcontainers jars (their
 * runtime closure, resolved by the Mojo from the project's own version) and a single-file program,
 * {@code TestcontainersSmoke.java} (a resource beside this class), are copied into the container and
 * run with the devcontainer's JDK ({@code java -cp JARS TestcontainersSmoke.java}, Java 11+): a
 * {@code GenericContainer} with an exposed port and a wait strategy, reached at {@code getHost()} and
 * its mapped port; {@code execInContainer}; a {@code Network} whose alias a second container reaches.
 * No Maven and no registry inside: its containers run an empty imported image with the devcontainer's
 * own programs mounted read-only, as {@link InnerContainerCheck}'s do.
 *
 * <p>Ryuk: on when an image named {@code testcontainers/ryuk} (any registry prefix) is in the inner
 * daemon — preloaded, pulled or mirrored — with {@code TESTCONTAINERS_RYUK_CONTAINER_IMAGE} naming
 * it; otherwise off ({@code TESTCONTAINERS_RYUK_DISABLED=true}, read by Testcontainers'
 * {@code ResourceReaper}), since without its image Ryuk cannot start and Testcontainers would pull it.
 * The observation says which. What a run leaves (its containers carry
 * {@code io.github.dind.devcontainer.verify=testcontainers}, its networks Testcontainers' label) is
 * removed when the script exits.
 */
public final class TestcontainersCheck extends AbstractCheck {
    public static final String ID = "testcontainers";
    /** Where the jars and the program go inside. */
    static final String FOLDER = "/tmp/devcontainer-verify-testcontainers";
    static final String PROGRAM = "TestcontainersSmoke.java";
    static final String IMAGE = "devcontainer-verify-testcontainers:latest";
    static final String SCRIPT = String.join("\n",
            "set -u",
            "image=" + IMAGE,
            "cleanup() {",
            "  docker ps -aq --filter label=io.github.dind.devcontainer.verify=testcontainers | xargs -r docker rm -f >/dev/null 2>&1",
            "  docker network ls -q --filter label=org.testcontainers=true | xargs -r docker network rm >/dev/null 2>&1",
            "  docker rmi -f \"$image\" >/dev/null 2>&1",
            "  true",
            "}",
            "trap cleanup EXIT",
            "command -v java >/dev/null || { echo \"no java on the PATH of $(id -un)'s login shell: the check runs Testcontainers"
                    + " on the devcontainer's JDK\"; exit 1; }",
            "head -c 1024 /dev/zero | docker import - \"$image\" >/dev/null || exit 1",
            "ryuk=$(docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '(^|/)testcontainers/ryuk:' | head -n 1)",
            "if [ -n \"$ryuk\" ]; then",
            "  export TESTCONTAINERS_RYUK_CONTAINER_IMAGE=\"$ryuk\"",
            "  echo \"smoke: Ryuk on ($ryuk inside)\"",
            "else",
            "  export TESTCONTAINERS_RYUK_DISABLED=true",
            "  echo 'smoke: Ryuk off (no testcontainers/ryuk image inside)'",
            "fi",
            "java -cp \"" + FOLDER + "/*\" \"" + FOLDER + "/" + PROGRAM + "\" \"$image\" 2>&1");
    private static final int TAIL_LINES = 30;

    private final List<Path> classpath;

    /**
     * @param classpath the Testcontainers jar and its runtime dependencies, on the host
     * @param timeout for the whole run, the JVM's start and the source's compilation included
     */
    TestcontainersCheck(List<Path> classpath, Duration timeout) {
        super(ID, "Testcontainers runs containers inside as the remote user", Set.of(DockerInfoCheck.ID), timeout);
        this.classpath = List.copyOf(classpath);
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        Path program = null;
        try {
            program = program();
            Map<String, Path> files = new LinkedHashMap<>();
            for (Path jar : classpath) {
                files.put(jar.getFileName().toString(), jar);
            }
            files.put(PROGRAM, program);
            container.copyInto(FOLDER, files);
        } catch (IOException | ContainerException e) {
            return Observation.fail("cannot copy Testcontainers and " + PROGRAM + " into " + FOLDER + ": " + e.getMessage());
        } finally {
            delete(program);
        }
        long started = System.nanoTime();
        ExecResult result = container.execAs(user, timeout, "/bin/bash", "-lc", SCRIPT);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = result.output().strip().lines().toList();
        List<String> steps = lines.stream().filter(l -> l.startsWith("smoke: ")).map(l -> l.substring(7)).toList();
        if (result.succeeded() && steps.contains("passed")) {
            return Observation.pass(String.format(Locale.ROOT, "as %s in %.1f s, %s", user, seconds,
                    String.join("; ", steps.stream().filter(s -> !s.equals("passed")).toList())));
        }
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return Observation.fail("exit code " + result.exitCode() + " as " + user + String.format(Locale.ROOT, " after %.1f s", seconds)
                + ":\n" + tail);
    }

    /** The program, from the plugin's resources into a temporary file. */
    static Path program() throws IOException {
        Path file = Files.createTempFile("devcontainer-verify-", ".java");
        try (InputStream in = TestcontainersCheck.class.getResourceAsStream(PROGRAM)) {
            if (in == null) {
                throw new IOException(PROGRAM + " is missing from the plugin's jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
