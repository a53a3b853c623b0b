package io.github.dind.devcontainer.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper run as the docker CLI runs it (docker/docker-credential-helpers
 * {@code client/client.go}): {@code docker-credential-<name> get}, the server address on stdin,
 * its JSON answer on stdout; "credentials not found" means no login.
 */
final class CredentialHelperProcess {
    private CredentialHelperProcess() {
    }

    /**
     * @return the helper's answer, or empty when it has no login for the server
     * @throws IOException when the helper is not on the PATH, fails, or does not answer within 30 s
     */
    static Optional<String> get(String helper, String serverAddress) throws IOException {
        if (!helper.matches("[A-Za-z0-9_.-]+")) {
            throw new IOException("'" + helper + "' is not a credential helper name");
        }
        Process process;
        try {
            process = new ProcessBuilder("docker-credential-" + helper, "get").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("docker-credential-" + helper + " is not on the PATH", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
        }
        byte[] output;
        try (InputStream out = process.getInputStream()) {
            output = out.readAllBytes();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("docker-credential-" + helper + " did not answer within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        String text = new String(output, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                return Optional.empty();
            }
            throw new IOException("exit code " + process.exitValue() + ": " + text);
        }
        return Optional.of(text);
    }
}
