package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    /**
     * The build goal's settings as given, before they are checked.
     *
     * @param labels the project's labels (OCI annotations)
     * @param metadataLabel add the devcontainer.json found in the context as the {@code devcontainer.metadata} label
     * @param createdLabel record the build time
     * @param pull the pull policy's id ({@code missing}, {@code always}, {@code never})
     * @param offline Maven runs offline: nothing is pulled, whatever {@code pull} says
     * @param timeoutSeconds how long the whole build may take, in seconds
     * @param cacheFrom image references, blanks ignored
     */
    public record Settings(Path contextDirectory, String dockerfile, ImageName image, Map<String, String> buildArgs,
            Map<String, String> labels, boolean metadataLabel, boolean createdLabel, String pull, boolean offline,
            boolean noCache, boolean always, int timeoutSeconds, List<String> cacheFrom) {
    }

    /**
     * Checks the settings and makes the request: the pull policy ({@code mvn -o} means never, and the
     * console says so), the labels with the devcontainer's metadata, the cacheFrom references.
     *
     * @throws InvalidSettingException naming {@code timeout}, {@code pull} or {@code cacheFrom}
     * @throws io.github.dind.devcontainer.image.context.BuildContextException when devcontainer.json
     *     cannot be read for the metadata label
     */
    public static BuildRequest of(Settings settings, Console console) throws DevcontainerException {
        if (settings.timeoutSeconds() < 1) {
            throw new InvalidSettingException("timeout", settings.timeoutSeconds(), "must be at least 1 (seconds)");
        }
        PullPolicy configured = PullPolicy.fromId(settings.pull());
        PullPolicy pull = PullPolicy.effective(configured, settings.offline());
        if (pull != configured) {
            console.info("Maven runs offline: base images are not pulled (pull=never)");
        }
        Map<String, String> labels = new LinkedHashMap<>(settings.labels());
        if (settings.metadataLabel()) {
            MetadataLabel.of(settings.contextDirectory(), console).ifPresent(value -> labels.put(ImageMetadata.LABEL, value));
        }
        List<String> cache = settings.cacheFrom() == null ? List.of()
                : settings.cacheFrom().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (String image : cache) {
            if (!ImageReference.isValid(image)) {
                throw new InvalidSettingException("cacheFrom", image, "must be " + ImageReference.RULE);
            }
        }
        return new BuildRequest(settings.contextDirectory(), settings.dockerfile().replace('\\', '/'), settings.image(),
                settings.buildArgs() == null ? Map.of() : settings.buildArgs(), labels,
                settings.createdLabel() ? Instant.now() : null, pull, settings.noCache(), settings.always(),
                Duration.ofSeconds(settings.timeoutSeconds()), cache);
    }
}
