package io.github.dind.devcontainer.image.offline;

import io.github.dind.devcontainer.devcontainer.features.FeatureSource;
import io.github.dind.devcontainer.devcontainer.features.Features;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The payload of the {@code offline-repository} Feature that {@code generate} writes: the Maven
 * artifacts the reactor's build needs, as {@code repository.tar} in the Feature's folder (its
 * {@code install.sh} unpacks it into the image), with {@code repository.key} beside it saying what
 * it was made from ({@link RepositoryKey}). {@code build} makes it again when the key changes
 * ({@link RepositoryWarmUp}).
 *
 * @param folder the Feature's folder ({@code .devcontainer/offline-repository})
 * @param projectRoot the reactor's top-level folder, which the warm-up builds
 * @param command the shell command that builds the project (run in its folder as the remote user)
 * @param key what the payload must have been made from to be current
 */
public record OfflineRepository(Path folder, Path projectRoot, String command, String key) {
    /** The Feature's id in its {@code devcontainer-feature.json}. */
    public static final String FEATURE_ID = "offline-repository";
    public static final String PAYLOAD = "repository.tar";
    static final String KEY_FILE = "repository.key";
    /** The top folder of the payload's entries (install.sh unpacks it into /usr/local/share/devcontainer). */
    public static final String TOP = "m2-repository";
    /**
     * The key's file in the payload, beside the repository (not in it): the Feature's onCreateCommand
     * copies the repository first and the key last, so an interrupted copy is never taken as complete.
     */
    static final String KEY_ENTRY = TOP + ".key";

    /**
     * The offline repository of a build, when its Features include the local {@code offline-repository} Feature.
     *
     * @param dockerfileText what the image is built from (a JDK or Maven change changes the key)
     * @throws IOException when the project's build files cannot be read
     */
    public static Optional<OfflineRepository> of(List<Features.Installed> features, Path projectRoot, String command,
            String dockerfileText) throws IOException {
        for (Features.Installed feature : features) {
            if (feature.source() instanceof FeatureSource.Local && FEATURE_ID.equals(feature.definition().id())) {
                return Optional.of(new OfflineRepository(feature.definition().folder(), projectRoot, command,
                        RepositoryKey.of(projectRoot, command, dockerfileText)));
            }
        }
        return Optional.empty();
    }

    public Path payload() {
        return folder.resolve(PAYLOAD);
    }

    /** Where the key of the payload is recorded, beside it. */
    public Path keyFile() {
        return folder.resolve(KEY_FILE);
    }

    /** Whether the payload exists and was made from what {@link #key()} describes. */
    public boolean isCurrent() {
        try {
            return Files.isRegularFile(payload()) && Files.isRegularFile(folder.resolve(KEY_FILE))
                    && Files.readString(folder.resolve(KEY_FILE), StandardCharsets.UTF_8).strip().equals(key);
        } catch (IOException e) {
            return false;
        }
    }
}
