package io.github.dind.devcontainer.verify.verdict;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running plugin as a verdict depends on it: its version and the SHA-256 of the jar its classes
 * come from ({@link JarDigest}: of the jar's central directory, which changes with any entry). The
 * digest makes a rebuilt {@code -SNAPSHOT} (same version, other checks) a change.
 */
public final class PluginIdentity {
    private PluginIdentity() {
    }

    /**
     * {@code 1.2.0 sha256:<jar digest>}; when the classes do not come from a jar (an IDE, the unit
     * tests) the folder they come from stands in for the digest.
     *
     * @param version the plugin's version, as Maven loaded it
     */
    public static String describe(String version) {
        Path source = codeSource();
        if (source == null || !Files.isRegularFile(source)) {
            return version + " classes " + source;
        }
        try {
            return version + " " + JarDigest.of(source);
        } catch (IOException e) {
            // unreadable: a key that matches nothing stored, so the checks run
            return version + " unreadable " + source + " " + System.nanoTime();
        }
    }

    private static Path codeSource() {
        try {
            var location = PluginIdentity.class.getProtectionDomain().getCodeSource();
            return location == null ? null : Path.of(location.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
