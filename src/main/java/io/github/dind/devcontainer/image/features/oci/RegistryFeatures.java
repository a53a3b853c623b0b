package io.github.dind.devcontainer.image.features.oci;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.FeatureLockfile;
import io.github.dind.devcontainer.devcontainer.features.FeatureRegistry;
import io.github.dind.devcontainer.devcontainer.features.OciManifest;
import io.github.dind.devcontainer.devcontainer.features.OciReference;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Features from OCI registries for one build, as devcontainers/cli fetches them
 * (containerCollectionsOCI.ts {@code fetchOCIManifestIfExists}, {@code getManifest}, {@code getBlob};
 * containerFeaturesOCI.ts {@code fetchOCIFeature}), through the {@link FeatureCache}:
 * <ul>
 * <li>the manifest: by the digest devcontainer-lock.json pins for the Feature's id, else the
 *     reference's digest (from the cache when there, else fetched and its digest checked), else by
 *     the tag (always asked online, since tags move; offline, the digest the tag last resolved to);</li>
 * <li>the files: from the cache, else the layer is fetched, its sha256 checked against the
 *     manifest's, and unpacked ({@link LayerExtractor}).</li>
 * </ul>
 * Offline ({@code mvn -o}) only the cache is read: a Feature not in it fails, naming it and saying so.
 * Each Feature is resolved once per build; the log gets one line per Feature whose files are used.
 */
public final class RegistryFeatures implements FeatureRegistry {
    /** The most bytes a manifest may have (the distribution spec's suggested limit for registries). */
    static final long MANIFEST_LIMIT = 4L << 20;
    /** The most bytes a Feature's layer may have. */
    static final long LAYER_LIMIT = 64L << 20;

    private final RegistryClient client;
    private final FeatureCache cache;
    private final Optional<FeatureLockfile> lockfile;
    private final boolean offline;
    private final Console console;
    private final Map<String, OciManifest> resolved = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    /**
     * @param lockfile devcontainer-lock.json, when there is one
     * @param offline Maven runs offline: the cache only
     */
    public RegistryFeatures(RegistryClient client, FeatureCache cache, Optional<FeatureLockfile> lockfile, boolean offline,
            Console console) {
        this.client = client;
        this.cache = cache;
        this.lockfile = lockfile;
        this.offline = offline;
        this.console = console;
    }

    @Override
    public OciManifest manifest(String userFeatureId, OciReference ref) throws FeatureException {
        String key = userFeatureId + "\0" + ref.resource() + "\0" + ref.version();
        OciManifest known = resolved.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> locked = lockfile.flatMap(l -> l.integrity(userFeatureId));
        String pinned = locked.orElse(ref.digest());
        OciManifest manifest;
        try {
            manifest = pinned != null ? pinned(userFeatureId, ref, pinned, locked.isPresent()) : tagged(userFeatureId, ref);
        } catch (RegistryException e) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" cannot be fetched: " + e.getMessage(), e);
        } catch (IOException e) {
            throw cacheFailure(userFeatureId, e);
        }
        console.debug("The Feature " + userFeatureId + " is " + ref.pinned(manifest.digest())
                + (locked.isPresent() ? " (pinned by devcontainer-lock.json)" : ""));
        resolved.put(key, manifest);
        return manifest;
    }

    private OciManifest pinned(String userFeatureId, OciReference ref, String digest, boolean byLockfile)
            throws FeatureException, RegistryException, IOException {
        Optional<OciManifest> cached = cache.manifest(digest, userFeatureId);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (offline) {
            throw offline(userFeatureId, "no manifest " + digest + (byLockfile ? ", which devcontainer-lock.json pins" : ""));
        }
        byte[] bytes = client.fetch(ref.registry(), URI.create(ref.apiBase() + "manifests/" + digest), OciManifest.MEDIA_TYPE,
                "the manifest " + ref.path() + "@" + digest, MANIFEST_LIMIT);
        String actual = "sha256:" + Sha256.hex(bytes);
        if (!actual.equals(digest)) {
            throw new FeatureException("The registry " + ref.registry() + " answered, for the Feature \"" + userFeatureId
                    + "\", with a manifest whose digest is " + actual + ", not the " + digest + " that "
                    + (byLockfile ? "devcontainer-lock.json pins" : "its reference names") + ": refused."
                    + (byLockfile ? " If the Feature was republished on purpose, delete its entry from devcontainer-lock.json"
                    + " and build with -Ddevcontainer.build.lockFeatures=true to pin what the registry has now" : ""));
        }
        OciManifest manifest = OciManifest.parse(bytes, userFeatureId);
        cache.storeManifest(bytes);
        return manifest;
    }

    private OciManifest tagged(String userFeatureId, OciReference ref) throws FeatureException, RegistryException, IOException {
        if (offline) {
            Optional<String> digest = cache.tag(ref);
            Optional<OciManifest> cached = digest.isPresent() ? cache.manifest(digest.get(), userFeatureId) : Optional.empty();
            if (cached.isEmpty()) {
                throw offline(userFeatureId, "its tag " + ref.tag() + " was never resolved online here");
            }
            return cached.get();
        }
        byte[] bytes = client.fetch(ref.registry(), URI.create(ref.apiBase() + "manifests/" + ref.tag()), OciManifest.MEDIA_TYPE,
                "the manifest " + ref.path() + ":" + ref.tag(), MANIFEST_LIMIT);
        OciManifest manifest = OciManifest.parse(bytes, userFeatureId);
        cache.storeManifest(bytes);
        cache.storeTag(ref, manifest.digest());
        return manifest;
    }

    @Override
    public Path files(String userFeatureId, OciReference ref, OciManifest manifest) throws FeatureException {
        Optional<Path> cached = cache.files(manifest.digest());
        if (cached.isPresent()) {
            if (reported.add(manifest.digest())) {
                console.info("Feature " + userFeatureId + ": " + manifest.digest() + ", from the cache");
            }
            return cached.get();
        }
        if (offline) {
            throw offline(userFeatureId, "no files of " + manifest.digest());
        }
        try {
            byte[] layer = client.fetch(ref.registry(), URI.create(ref.apiBase() + "blobs/" + manifest.layerDigest()), null,
                    "the layer " + manifest.layerDigest() + " of " + ref.path(), LAYER_LIMIT);
            String actual = "sha256:" + Sha256.hex(layer);
            if (!actual.equals(manifest.layerDigest())) {
                throw new FeatureException("The registry " + ref.registry() + " answered, for the layer of the Feature \""
                        + userFeatureId + "\", with bytes whose digest is " + actual + ", not the " + manifest.layerDigest()
                        + " its manifest names: refused");
            }
            Path folder = cache.storeFiles(manifest.digest(), layer, userFeatureId);
            reported.add(manifest.digest());
            console.info("Feature " + userFeatureId + ": " + manifest.digest() + ", fetched from " + ref.registry() + " ("
                    + Math.max(1, layer.length / 1024) + " KB, " + client.loginUsed(ref.registry())
                    .map(l -> "as " + (l.username() != null ? l.username() : "an identity token") + " from " + l.source())
                    .orElse("anonymously") + ")");
            return folder;
        } catch (RegistryException e) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" cannot be fetched: " + e.getMessage(), e);
        } catch (IOException e) {
            throw cacheFailure(userFeatureId, e);
        }
    }

    private FeatureException offline(String userFeatureId, String detail) {
        return new FeatureException("The Feature \"" + userFeatureId + "\" cannot be fetched: Maven runs offline (-o), and it"
                + " is not in the Feature cache " + cache.root() + " (" + detail + "). Build once without -o to fetch it;"
                + " -o builds from the cache after that");
    }

    private FeatureException cacheFailure(String userFeatureId, IOException e) {
        return new FeatureException("The Feature cache " + cache.root() + " cannot be used for the Feature \"" + userFeatureId
                + "\": " + e + ". Check its permissions and free space, or delete it", e);
    }
}
