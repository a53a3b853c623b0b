package io.github.dind.devcontainer.image.features;

import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.features.Features;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Features a build installs on top of the Dockerfile's image, in install order, and the users
 * devcontainer.json names for them ({@code _CONTAINER_USER}, {@code _REMOTE_USER}; null when it
 * names none, and the image's USER stands in, as in devcontainers/cli, containerFeatures.ts
 * {@code findContainerUsers}).
 */
public record FeaturePlan(List<Features.Installed> features, String containerUser, String remoteUser) {
    /** No Features. */
    public static final FeaturePlan NONE = new FeaturePlan(List.of(), null, null);

    /** The label that records {@link #digest()}, so a change to a Feature's files or options rebuilds the image. */
    public static final String LABEL = "io.github.dind.devcontainer.features";

    public FeaturePlan {
        features = List.copyOf(features);
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    /**
     * SHA-256 (hex) over each Feature in order: its name as given, its options, and every file of its
     * folder (path and content), so the fingerprint changes when anything the Features' build reads does.
     *
     * @throws IOException when a Feature's files cannot be read
     */
    public String digest() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Features.Installed feature : features) {
            text.append(feature.userFeatureId()).append('\0').append(feature.options()).append('\0');
            Path folder = feature.definition().folder();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    text.append(folder.relativize(file).toString().replace('\\', '/')).append('\0')
                            .append(sha256(file)).append('\0');
                }
            }
        }
        return Sha256.hex(text.toString());
    }

    /** A file's SHA-256 (hex), streamed: a Feature may carry large files (the preload Feature's saved images). */
    private static String sha256(Path file) throws IOException {
        java.security.MessageDigest digest = Sha256.newDigest();
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return Sha256.hex(digest);
    }
}
