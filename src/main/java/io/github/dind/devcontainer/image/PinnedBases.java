package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code requirePinnedBase}: every {@code FROM} of the stages the build runs that names a registry
 * image (not {@code scratch}, not an earlier stage; {@link BaseImages#registryFroms}) names it by
 * digest ({@code name@sha256:...} or {@code name:tag@sha256:...}), so the build cannot float to
 * whatever the tag names today. A {@code FROM} whose image holds a variable without a value here
 * cannot be shown to be pinned, and fails too.
 */
final class PinnedBases {
    private PinnedBases() {
    }

    /**
     * @param dockerfile for the message
     * @param text the Dockerfile
     * @param buildArgs substituted into global {@code ARG}s, as the build does
     * @param target the stage the build stops at; null for the last
     * @throws FloatingBaseException naming each floating {@code FROM} by line, and how to pin it
     */
    static void require(Path dockerfile, String text, Map<String, String> buildArgs, String target)
            throws FloatingBaseException {
        List<String> floating = new ArrayList<>();
        String example = null;
        for (BaseImages.RegistryFrom from : BaseImages.registryFroms(text, buildArgs, target)) {
            String line = "line " + from.instruction().line() + ", " + from.instruction().text().replaceAll("\\s+", " ");
            if (from.image() == null || !ImageReference.isValid(from.image())) {
                floating.add(line + " (its image is not known before the build: a variable without a value)");
            } else if (ImageReference.parse(from.image()).digest().isEmpty()) {
                floating.add(line);
                example = example != null ? example : ImageReference.parse(from.image()).tagged();
            }
        }
        if (floating.isEmpty()) {
            return;
        }
        String image = example != null ? example : "name:tag";
        throw new FloatingBaseException(Setting.assign("requirePinnedBase", "true") + " refuses a base image without a"
                + " digest, and " + dockerfile + " has " + (floating.size() == 1 ? "one" : floating.size()) + ": "
                + String.join("; ", floating) + ". Pin it: mvn devcontainer:generate writes the base image it generates as"
                + " name:tag@sha256:<digest> (-Ddevcontainer.generate.updatePins=true moves the pins on purpose); in a"
                + " Dockerfile of your own write FROM " + image + "@sha256:<digest> (docker buildx imagetools inspect "
                + image + " shows the digest), and let an update bot (README, \"Pinned base images\") keep it current.");
    }
}
