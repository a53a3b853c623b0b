package io.github.dind.devcontainer.devcontainer.features;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a Feature comes from, as devcontainer.json's {@code features} key names it (containers.dev,
 * "Dev Container Features distribution", and devcontainers/cli, containerFeaturesConfiguration.ts
 * {@code processFeatureIdentifier}): a local folder ({@code ./name}, resolved against the folder of
 * devcontainer.json and required to stay inside the {@code .devcontainer} folder), a tarball URL
 * ({@code https://.../devcontainer-feature-ID.tgz}), or an OCI reference
 * ({@code registry/namespace/id[:tag|@digest]}).
 */
public sealed interface FeatureSource {
    /** A folder on disk holding {@code devcontainer-feature.json} and {@code install.sh}. */
    record Local(Path folder) implements FeatureSource {
        @Override
        public String describe() {
            return "the local folder " + folder;
        }
    }

    /**
     * A Feature published to an OCI registry.
     *
     * @param reference as devcontainer.json writes it
     * @param ref the reference read by the CLI's rules
     * @param manifest the manifest the registry (or the lockfile, or the cache) resolved it to; null
     *     until then ({@link #parse} does not ask the registry)
     */
    record Oci(String reference, OciReference ref, OciManifest manifest) implements FeatureSource {
        /** The same source, resolved to a manifest. */
        public Oci resolved(OciManifest resolvedManifest) {
            return new Oci(reference, ref, resolvedManifest);
        }

        @Override
        public String describe() {
            return "the OCI reference " + reference + (manifest == null ? "" : " (" + manifest.digest() + ")");
        }
    }

    /** A Feature tarball at an HTTPS URL. */
    record Tarball(String uri) implements FeatureSource {
        @Override
        public String describe() {
            return "the tarball " + uri;
        }
    }

    /**
     * @param userFeatureId the key as devcontainer.json (or a Feature's {@code dependsOn}) writes it
     * @param configFolder the folder of devcontainer.json, which local paths are relative to
     * @param devcontainerFolder the project's {@code .devcontainer} folder, which a local Feature must stay inside
     * @throws FeatureException for an absolute path, a path out of {@code .devcontainer}, an empty id,
     *     an id without a registry (the CLI's legacy ids), or an OCI reference the CLI cannot read
     *     ({@link OciReference#parse})
     */
    static FeatureSource parse(String userFeatureId, Path configFolder, Path devcontainerFolder) throws FeatureException {
        String id = userFeatureId.strip();
        if (id.isEmpty()) {
            throw new FeatureException("A Feature with an empty id in devcontainer.json's \"features\"");
        }
        if (id.startsWith("./") || id.startsWith("../") || id.startsWith(".\\") || id.startsWith("..\\")) {
            Path folder = configFolder.resolve(id).normalize();
            Path root = devcontainerFolder.toAbsolutePath().normalize();
            if (!folder.toAbsolutePath().normalize().startsWith(root)) {
                throw new FeatureException("The local Feature \"" + userFeatureId + "\" resolves to " + folder
                        + ", outside " + root + ": a local Feature must be a folder inside .devcontainer/"
                        + " (containers.dev, Features distribution, \"Addendum: Locally-referenced Features\")");
            }
            return new Local(folder);
        }
        if (id.startsWith("/") || id.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" is an absolute path: name a local Feature"
                    + " relative to devcontainer.json's folder, as ./name");
        }
        if (id.toLowerCase(Locale.ROOT).startsWith("https://") || id.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return new Tarball(id);
        }
        if (!id.contains("/") && !id.contains("\\")) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" names no registry. The devcontainer CLI maps a"
                    + " few such legacy ids to ghcr.io/devcontainers/features/<id>:1 with a deprecation warning and refuses"
                    + " the others (containerFeaturesConfiguration.ts getBackwardCompatibleFeatureId, getFeatureIdType);"
                    + " this plugin refuses them all. Write its OCI reference (ghcr.io/devcontainers/features/" + id
                    + ":1), or ./" + id + " for a local Feature");
        }
        return new Oci(id, OciReference.parse(id), null);
    }

    /** For messages: {@code the local folder F}, {@code the OCI reference R}, {@code the tarball U}. */
    String describe();
}
