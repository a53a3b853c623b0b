package io.github.dind.devcontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: fake {@code docker-credential-<name>} scripts in a temporary folder, run as the
 * docker CLI runs a helper (docker/docker-credential-helpers {@code client/client.go}).
 */
class CredentialHelperProcessTest {
    private static final String JSON = "{\"ServerURL\":\"registry.example.com\",\"Username\":\"u\",\"Secret\":\"s\"}";

    @TempDir
    Path bin;

    private final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void posixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "fake helpers are /bin/sh scripts");
    }

    private void helper(String name, String body) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private CredentialHelperProcess helpers(Duration limit) {
        return new CredentialHelperProcess(console, bin, limit);
    }

    private CredentialHelperProcess helpers() {
        return helpers(Duration.ofSeconds(20));
    }

    @Test
    void aHelperThatHangsIsStoppedWithItsChildrenAtTheLimit() throws Exception {
        helper("hang", "echo $$ > '" + bin.resolve("helper.pid") + "'\n"
                + "sleep 60 &\n"
                + "echo $! > '" + bin.resolve("child.pid") + "'\n"
                + "echo 'waiting for the keychain' >&2\n"
                + "wait");
        long start = System.nanoTime();
        assertThatThrownBy(() -> helpers(Duration.ofSeconds(1)).get("hang", "registry.example.com"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("docker-credential-hang did not answer within 1 s and was stopped")
                .hasMessageContaining("stderr: `waiting for the keychain`")
                .hasMessageContaining("unlock it")
                .hasMessageContaining("run `docker-credential-hang get` by hand with registry.example.com on stdin");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
        assertGone(pid("helper.pid"));
        assertGone(pid("child.pid"));
    }

    @Test
    void aWarningOnStderrDoesNotSpoilTheAnswer() throws Exception {
        helper("warns", "echo 'WARNING: the keyring is old' >&2\nprintf '%s' '" + JSON + "'\necho 'more on stderr' >&2");
        assertThat(helpers().get("warns", "registry.example.com")).contains(JSON);
        assertThat(console.debug()).singleElement().asString()
                .contains("docker-credential-warns answered for registry.example.com")
                .contains("WARNING: the keyring is old").contains("more on stderr");
        assertThat(console.warn()).isEmpty();
    }

    @Test
    void credentialsNotFoundIsNoLoginOnStdoutAsTheProtocolHasItAndOnStderrToo() throws Exception {
        helper("none", "echo 'credentials not found in native keychain'\nexit 1");
        helper("noneerr", "echo 'credentials not found in native keychain' >&2\nexit 1");
        assertThat(helpers().get("none", "registry.example.com")).isEmpty();
        assertThat(helpers().get("noneerr", "registry.example.com")).isEmpty();
    }

    @Test
    void aFailureQuotesWhatTheHelperSaid() throws Exception {
        helper("broken", "echo 'gpg: decryption failed: No secret key' >&2\necho 'half an answer'\nexit 2");
        assertThatThrownBy(() -> helpers().get("broken", "registry.example.com"))
                .isInstanceOf(IOException.class)
                .hasMessage("docker-credential-broken get exited with code 2 (stdout: `half an answer`;"
                        + " stderr: `gpg: decryption failed: No secret key`)");
    }

    @Test
    void theServerAddressGoesToStdin() throws Exception {
        helper("echo", "server=$(cat)\nprintf '{\"ServerURL\":\"%s\"}' \"$server\"");
        assertThat(helpers().get("echo", "https://index.docker.io/v1/")).contains("{\"ServerURL\":\"https://index.docker.io/v1/\"}");
        assertThat(helpers().get("echo", "localhost:5000")).contains("{\"ServerURL\":\"localhost:5000\"}");
    }

    @Test
    void aHelperThatIsNotThereCannotStart() {
        assertThatThrownBy(() -> helpers().get("missing", "registry.example.com"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot start docker-credential-missing (is it on the PATH?)");
        assertThatThrownBy(() -> helpers().get("../sh", "registry.example.com"))
                .isInstanceOf(IOException.class)
                .hasMessage("'../sh' is not a credential helper name");
    }

    @Test
    void anInterruptStopsTheHelperAndKeepsTheFlag() throws Exception {
        helper("slow", "echo $$ > '" + bin.resolve("helper.pid") + "'\nsleep 60");
        Thread caller = Thread.currentThread();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(caller::interrupt, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertThatThrownBy(() -> helpers().get("slow", "registry.example.com"))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessage("interrupted while waiting for docker-credential-slow, which was stopped");
            assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        } finally {
            timer.shutdownNow();
            Thread.interrupted();
        }
        assertGone(pid("helper.pid"));
    }

    @Test
    void theLookupQuotesAFailingHelper() throws Exception {
        helper("broken", "echo 'pass: store is locked' >&2\nexit 1");
        Files.writeString(bin.resolve("config.json"), "{\"credsStore\": \"broken\"}");
        CredentialLookup lookup = new CredentialLookup(Map.of(), bin, helpers()::get);
        assertThatThrownBy(() -> lookup.find("registry.example.com"))
                .isInstanceOf(RegistryAuthException.class)
                .hasMessageContaining("docker-credential-broken get exited with code 1 (stderr: `pass: store is locked`)."
                        + " The docker CLI's config.json names it");
    }

    private long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(bin.resolve(file)).strip());
    }

    /** Not running: no such process, or a zombie its new parent has not reaped yet (it cannot run again). */
    private static void assertGone(long pid) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (running(pid) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(running(pid)).as("process %d is gone", pid).isFalse();
    }

    private static boolean running(long pid) throws IOException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            return true;
        }
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return false; // gone while we looked
        }
        // pid (comm) state ...: the state follows the last ')'
        return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
    }
}
