package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * The running plugin as a verdict depends on it: its version and the SHA-256 of the jar its classes
 * come from. The digest makes a rebuilt {@code -SNAPSHOT} (same version, other checks) a change.
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
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return version + " sha256:" + Sha256.hex(digest);
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
