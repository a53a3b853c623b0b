package io.github.dind.devcontainer.image.features.oci;

import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Unpacks a Feature's layer (a tar, as {@code devcontainer features package} writes it with entries
 * {@code ./install.sh} ...; gzip-compressed ones too, which the CLI's {@code tar.x} also reads) into an
 * empty folder, refusing whatever would reach outside it: an absolute name, a {@code ..} component or
 * a {@code \} in a name, an entry under a symbolic link, a symbolic link whose target is absolute or
 * lies outside the folder (also through other links, checked once all are written), a hard link to
 * anything but a file written before, and every other kind of entry (devices, FIFOs, sparse files).
 * Files get mode 0755 when the owner may execute them in the tar, else 0644 (where the file system
 * has POSIX modes). The whole unpacked size is bounded by {@link #MAX_BYTES}.
 *
 * <p>Its length is one check per way a tar entry can reach outside its folder, each refusal naming the entry.
 */
final class LayerExtractor {
    /** The most bytes the files of one layer may take once unpacked. */
    static final long MAX_BYTES = 256L << 20;

    private final Path folder;
    private final String feature;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private long written;

    private LayerExtractor(Path folder, String feature) {
        this.folder = folder.toAbsolutePath().normalize();
        this.feature = feature;
    }

    /**
     * @param layer the layer's bytes (digest already checked)
     * @param folder an empty or absent folder
     * @param feature the Feature as devcontainer.json names it, for messages
     * @throws FeatureException naming the entry that would land outside the folder, or is of a refused kind
     * @throws IOException when the tar cannot be read or a file cannot be written
     */
    static void extract(byte[] layer, Path folder, String feature) throws FeatureException, IOException {
        new LayerExtractor(folder, feature).run(layer);
    }

    private void run(byte[] layer) throws FeatureException, IOException {
        Files.createDirectories(folder);
        List<Path> links = new ArrayList<>();
        InputStream raw = new ByteArrayInputStream(layer);
        if (layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
            raw = new GZIPInputStream(raw);
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                Path target = target(name);
                if (target.equals(folder)) {
                    continue; // "./"
                }
                checkParents(target, name);
                if (entry.isDirectory()) {
                    if (Files.isSymbolicLink(target) || Files.exists(target) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(target);
                    }
                    Files.createDirectories(target);
                    mode(target, 0755);
                } else if (entry.isSymbolicLink()) {
                    link(entry, target, name);
                    links.add(target);
                } else if (entry.isLink()) {
                    Path source = linkSource(entry, name);
                    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                        throw refuse(name, "is a hard link to " + entry.getLinkName() + ", which is no file the layer wrote before it");
                    }
                    try (InputStream in = Files.newInputStream(source)) {
                        write(in, target, name, Files.isExecutable(source) ? 0755 : 0644);
                    }
                } else if (isRegularFile(entry)) {
                    write(tar, target, name, (entry.getMode() & 0100) != 0 ? 0755 : 0644);
                } else {
                    throw refuse(name, "is " + kind(entry) + ", which a Feature has no use for");
                }
            }
        }
        Path real = folder.toRealPath();
        for (Path link : links) {
            if (!Files.exists(link)) {
                continue; // dangling, and lexically inside: harmless
            }
            Path resolved = link.toRealPath();
            if (!resolved.startsWith(real)) {
                throw refuse(folder.relativize(link).toString(), "is a symbolic link that leads out of the Feature's folder"
                        + " (through " + Files.readSymbolicLink(link) + " to " + resolved + ")");
            }
        }
    }

    /** Where an entry's name lands; refused when that is not inside the folder. */
    private Path target(String name) throws FeatureException {
        if (name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            throw refuse(name, "is " + (name.startsWith("/") ? "an absolute name" : "a name with a \\ or a NUL in it"));
        }
        for (String component : name.split("/")) {
            if (component.equals("..")) {
                throw refuse(name, "has a .. in its name, which would lead out of the Feature's folder");
            }
        }
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder)) {
            throw refuse(name, "would land outside the Feature's folder, at " + target);
        }
        return target;
    }

    /** A hard link's target, which must be a name inside the folder like any entry's. */
    private Path linkSource(TarArchiveEntry entry, String name) throws FeatureException {
        try {
            return target(entry.getLinkName());
        } catch (FeatureException e) {
            throw refuse(name, "is a hard link to " + entry.getLinkName() + ", outside the Feature's folder");
        }
    }

    /** A plain file: type '0', '\0' (old tars) or '7' (contiguous), not sparse (commons-compress counts devices as files too). */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG)
                && !entry.isSparse() && !entry.getName().endsWith("/");
    }

    /** Nothing is written through a symbolic link: no folder on the way to an entry may be one. */
    private void checkParents(Path target, String name) throws FeatureException {
        for (Path p = target.getParent(); p != null && p.startsWith(folder) && !p.equals(folder); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw refuse(name, "lies under the symbolic link " + folder.relativize(p) + ", and nothing is written through a link");
            }
        }
    }

    private void link(TarArchiveEntry entry, Path target, String name) throws FeatureException, IOException {
        String to = entry.getLinkName();
        if (to.isEmpty() || to.startsWith("/") || to.contains("\\")) {
            throw refuse(name, "is a symbolic link to \"" + to + "\": only relative links inside the Feature's folder are kept");
        }
        Path resolved = target.getParent().resolve(to).normalize();
        if (!resolved.startsWith(folder)) {
            throw refuse(name, "is a symbolic link to " + to + ", which leads out of the Feature's folder");
        }
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, Path.of(to));
    }

    private void write(InputStream in, Path target, String name, int mode) throws FeatureException, IOException {
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> inside = Files.list(target)) {
                if (inside.findAny().isPresent()) {
                    throw refuse(name, "is a file where the layer made a folder with files before");
                }
            }
        }
        Files.deleteIfExists(target);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > MAX_BYTES) {
                    throw refuse(name, "takes the layer's files past " + (MAX_BYTES >> 20) + " MB unpacked");
                }
                out.write(buffer, 0, n);
            }
        }
        mode(target, mode);
    }

    private void mode(Path path, int mode) throws IOException {
        if (posix) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode == 0755 ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    private static String kind(TarArchiveEntry entry) {
        if (entry.isCharacterDevice()) {
            return "a character device";
        }
        if (entry.isBlockDevice()) {
            return "a block device";
        }
        if (entry.isFIFO()) {
            return "a FIFO";
        }
        if (entry.isSparse()) {
            return "a sparse file";
        }
        return "an entry of type '" + (char) entry.getLinkFlag() + "'";
    }

    private FeatureException refuse(String entry, String reason) {
        return new FeatureException("The layer of the Feature \"" + feature + "\" is refused: its entry \"" + entry + "\" "
                + reason + ". Nothing of it is used; tell the Feature's author");
    }
}
