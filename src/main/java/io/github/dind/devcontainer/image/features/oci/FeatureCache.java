package io.github.dind.devcontainer.image.features.oci;

import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.OciManifest;
import io.github.dind.devcontainer.devcontainer.features.OciReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The Features fetched from registries, under Maven's local repository
 * ({@code .cache/devcontainer-maven-plugin/features/}), so a build fetches each version once and
 * {@code mvn -o} builds from what is there:
 * <pre>
 * sha256-&lt;manifest hex&gt;/manifest.json   the manifest as the registry sent it (its digest is the name)
 * sha256-&lt;manifest hex&gt;/feature/        the Feature's files, from its layer (digest checked, unpacked safely)
 * tags/&lt;sha256 hex of resource:tag&gt;      the digest a tag last resolved to online ("resource:tag digest")
 * </pre>
 * Everything is written to a temporary name in the cache's folder and moved into place, so another
 * build reading at the same time sees all of an entry or nothing; of two builds fetching the same
 * digest, the first to move wins and the other's copy is deleted (both are the same bytes).
 */
public final class FeatureCache {
    private final Path root;

    /** @param root the cache's folder (created when first written) */
    public FeatureCache(Path root) {
        this.root = root;
    }

    /** The cache in a Maven local repository. */
    public static FeatureCache in(Path localRepository) {
        return new FeatureCache(localRepository.resolve(".cache").resolve("devcontainer-maven-plugin").resolve("features"));
    }

    public Path root() {
        return root;
    }

    private Path entry(String digest) {
        return root.resolve(digest.replace(':', '-'));
    }

    /**
     * The cached manifest of that digest; empty when not cached, or when the file does not hash to
     * it (a damaged entry is fetched again).
     *
     * @throws FeatureException when the cached manifest is not a Feature's ({@link OciManifest#parse})
     */
    public Optional<OciManifest> manifest(String digest, String feature) throws FeatureException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry(digest).resolve("manifest.json"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!("sha256:" + Sha256.hex(bytes)).equals(digest)) {
            return Optional.empty();
        }
        return Optional.of(OciManifest.parse(bytes, feature));
    }

    /** Keeps a manifest (its digest is computed from the bytes). */
    public void storeManifest(byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(entry("sha256:" + Sha256.hex(bytes)));
        writeAtomically(folder.resolve("manifest.json"), bytes);
    }

    /** The digest a tag of the resource last resolved to online; empty when never. */
    public Optional<String> tag(OciReference ref) throws IOException {
        Path file = tagFile(ref);
        try {
            String[] fields = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            return fields.length == 2 && fields[0].equals(ref.resource() + ":" + ref.tag())
                    && OciReference.DIGEST.matcher(fields[1]).matches() ? Optional.of(fields[1]) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Records what a tag resolved to. */
    public void storeTag(OciReference ref, String digest) throws IOException {
        Path file = tagFile(ref);
        Files.createDirectories(file.getParent());
        writeAtomically(file, (ref.resource() + ":" + ref.tag() + " " + digest + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Path tagFile(OciReference ref) {
        return root.resolve("tags").resolve(Sha256.hex(ref.resource() + ":" + ref.tag()));
    }

    /** The Feature's files of that manifest digest; empty when not cached. */
    public Optional<Path> files(String manifestDigest) {
        Path folder = entry(manifestDigest).resolve("feature");
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * Unpacks a layer ({@link LayerExtractor}) as the files of that manifest digest.
     *
     * @return the folder
     * @throws FeatureException when the layer holds a refused entry (nothing is kept then)
     */
    public Path storeFiles(String manifestDigest, byte[] layer, String feature) throws FeatureException, IOException {
        Path target = entry(manifestDigest).resolve("feature");
        Files.createDirectories(target.getParent());
        Path temporary = root.resolve("tmp-" + UUID.randomUUID());
        try {
            LayerExtractor.extract(layer, temporary, feature);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                } // else another build put the same files there first (rename(2): ENOTEMPTY)
            }
        } finally {
            delete(temporary);
        }
        return target;
    }

    private void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
