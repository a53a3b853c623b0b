package io.github.dind.devcontainer.devcontainer.features;

import java.nio.file.Path;

/**
 * Where Features published to OCI registries come from, for {@link Features#plan}: the model asks,
 * the build's implementation fetches (over HTTPS, with the registry logins, through a cache, pinned
 * by devcontainer-lock.json). Mirrors the two steps of devcontainers/cli: the manifest for every
 * Feature the order algorithm meets ({@code processFeatureIdentifier}), the layer for those installed
 * ({@code fetchOCIFeature}).
 */
public interface FeatureRegistry {
    /**
     * The manifest the reference resolves to (by its digest, the lockfile's, or its tag).
     *
     * @param userFeatureId the Feature as devcontainer.json (or a dependsOn) writes it: messages, the lockfile's key
     * @throws FeatureException naming the Feature and why it cannot be had (unreachable, refused, unknown,
     *     offline and not cached, a digest that does not match)
     */
    OciManifest manifest(String userFeatureId, OciReference ref) throws FeatureException;

    /**
     * The folder holding the Feature's files (its layer, checked against the manifest's digest and
     * extracted), which stays there for the build.
     *
     * @throws FeatureException as {@link #manifest}, or when the layer holds an entry that would land
     *     outside the folder
     */
    Path files(String userFeatureId, OciReference ref, OciManifest manifest) throws FeatureException;

    /**
     * No registry: a Feature from one fails, saying so (for callers that only read local Features:
     * verify, for an image whose label records no Features).
     */
    FeatureRegistry NONE = new FeatureRegistry() {
        @Override
        public OciManifest manifest(String userFeatureId, OciReference ref) throws FeatureException {
            throw unavailable(userFeatureId, ref);
        }

        @Override
        public Path files(String userFeatureId, OciReference ref, OciManifest manifest) throws FeatureException {
            throw unavailable(userFeatureId, ref);
        }
    };

    private static FeatureException unavailable(String userFeatureId, OciReference ref) {
        return new FeatureException("The Feature \"" + userFeatureId + "\" comes from the registry " + ref.registry()
                + ", and only devcontainer:build fetches Features from registries: build the image with the plugin"
                + " (its devcontainer.metadata label then records the Feature), or name a local Feature");
    }
}
