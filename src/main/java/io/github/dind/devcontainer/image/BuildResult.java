package io.github.dind.devcontainer.image;

import java.time.Duration;

/**
 * @param upToDate true when an image with the same fingerprint existed and the daemon was not asked to build
 */
public record BuildResult(String imageId, long sizeBytes, ImageName image, boolean upToDate, Duration took) {
}
