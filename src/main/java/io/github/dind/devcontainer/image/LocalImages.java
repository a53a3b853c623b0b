package io.github.dind.devcontainer.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.docker.EngineQueries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The images on the engine as a build sees them: what an image is ({@code GET /images/NAME/json},
 * read as a JSON tree), the tags an up-to-date image still lacks, and the removal of the image a
 * build replaced once no tag names it.
 */
final class LocalImages {
    private final Supplier<DockerClient> docker;
    private final EngineQueries queries;
    private final Console console;

    /** @param docker docker-java's client, asked for only when an image is tagged or removed */
    LocalImages(Supplier<DockerClient> docker, EngineQueries queries, Console console) {
        this.docker = docker;
        this.queries = queries;
        this.console = console;
    }

    void tagMissing(LocalImage image, ImageName name) {
        for (String tag : name.tags()) {
            String reference = name.repository() + ":" + tag;
            if (!image.repoTags().contains(reference)) {
                docker.get().tagImageCmd(image.id(), name.repository(), tag).exec();
                console.info("Tagged " + reference);
            }
        }
    }

    /**
     * Removes an image this plugin built earlier once the new build took all its tags, so no
     * dangling image is left behind. An image with a tag left, one the plugin did not build (no
     * fingerprint label), or one a container still uses (the daemon answers 409) is kept.
     */
    void removeIfDangling(String imageId) {
        Optional<LocalImage> image = inspect(imageId);
        if (image.isEmpty() || !image.get().repoTags().isEmpty()
                || !image.get().labels().containsKey(BuildFingerprint.LABEL)) {
            return;
        }
        try {
            docker.get().removeImageCmd(imageId).withForce(false).exec();
            console.info("Removed the previous image " + shortId(imageId) + ": the new build took its tags");
        } catch (RuntimeException e) {
            console.info("Kept the previous image " + shortId(imageId) + " (" + Errors.rootMessage(e) + ")");
        }
    }

    /**
     * Removes the image of the last step a failed build finished, when nothing else uses it (no tag,
     * no child image): the classic builder leaves it behind untagged, a dangling image on every failed
     * build. The daemon prunes its untagged parents with it, down to a layer another image uses; the
     * next build runs the failed build's new steps again instead of taking them from the cache.
     */
    void removeLeftOfFailedBuild(String imageId) {
        Optional<LocalImage> image = inspect(imageId);
        if (image.isEmpty() || !image.get().repoTags().isEmpty()) {
            return;
        }
        try {
            docker.get().removeImageCmd(imageId).withForce(false).exec();
            console.info("Removed the image the failed build left behind (" + shortId(imageId) + ", its last finished"
                    + " step): no untagged image stays; the next build runs the steps it made again");
        } catch (RuntimeException e) {
            console.debug("Kept the image of the failed build's last step " + shortId(imageId) + " (" + Errors.rootMessage(e) + ")");
        }
    }

    /** What the up-to-date check reads of an image: {@code GET /images/NAME/json}. */
    record LocalImage(String id, long size, Map<String, String> labels, List<String> repoTags) {
    }

    Optional<LocalImage> inspect(String reference) {
        JsonNode image = queries.get("/images/" + EngineQueries.segment(reference) + "/json");
        if (image == null) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        image.path("Config").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> repoTags = new ArrayList<>();
        image.path("RepoTags").forEach(tag -> {
            if (!"<none>:<none>".equals(tag.asText())) { // how some engines list a dangling image
                repoTags.add(tag.asText());
            }
        });
        return Optional.of(new LocalImage(image.path("Id").asText(), image.path("Size").asLong(-1), labels, repoTags));
    }

    /** The first 12 hex digits of an image id, as the docker CLI shows it. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }

}
