package io.github.dind.devcontainer.build;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a build needs.
 *
 * @param contextDirectory the directory sent to the daemon
 * @param dockerfile the Dockerfile, relative to the context, {@code /}-separated
 * @param labels labels for the image (they count towards the fingerprint)
 * @param created when set, recorded as {@code org.opencontainers.image.created}; left out of the
 *     fingerprint, so asking for it does not defeat the no-op rebuild
 * @param always build even when an image with the same fingerprint exists
 * @param cacheFrom images whose layers the build may reuse (docker build --cache-from), pulled
 *     first when missing and the pull policy allows; typically the last pushed tag
 */
public record BuildRequest(
        Path contextDirectory,
        String dockerfile,
        ImageName image,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        Instant created,
        PullPolicy pull,
        boolean noCache,
        boolean always,
        Duration timeout,
        List<String> cacheFrom) {

    public BuildRequest {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    }

    /** A request without {@code cacheFrom}. */
    public BuildRequest(Path contextDirectory, String dockerfile, ImageName image, Map<String, String> buildArgs,
            Map<String, String> labels, Instant created, PullPolicy pull, boolean noCache, boolean always, Duration timeout) {
        this(contextDirectory, dockerfile, image, buildArgs, labels, created, pull, noCache, always, timeout, List.of());
    }
}
