package io.github.dind.devcontainer.build;

import io.github.dind.devcontainer.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The build context as the tar stream the daemon receives, written to a temporary file. It is
 * reproducible: entries in sorted order, a fixed modification time, owner root, and modes reduced
 * to 0755/0644 by the owner's execute bit, so the same files always give the same bytes and the
 * same SHA-256. {@code .dockerignore} is honoured; the Dockerfile and {@code .dockerignore} are
 * always sent, as the docker CLI does.
 */
public final class ContextArchive implements AutoCloseable {
    /** The timestamp of every entry: one second past the epoch, as reproducible-build tools use. */
    static final Instant FIXED_TIME = Instant.ofEpochSecond(1);
    static final String DOCKERIGNORE = ".dockerignore";

    private final Path file;
    private final String sha256;
    private final int entries;

    private ContextArchive(Path file, String sha256, int entries) {
        this.file = file;
        this.sha256 = sha256;
        this.entries = entries;
    }

    /**
     * @param contextDirectory the directory to send
     * @param dockerfile the Dockerfile's path relative to the context ({@code /}-separated)
     */
    public static ContextArchive create(Path contextDirectory, String dockerfile) throws IOException {
        DockerIgnore ignore = Files.isRegularFile(contextDirectory.resolve(DOCKERIGNORE))
                ? DockerIgnore.parse(Files.readString(contextDirectory.resolve(DOCKERIGNORE), StandardCharsets.UTF_8))
                : DockerIgnore.none();
        List<String> paths = new ArrayList<>();
        collect(contextDirectory, "", ignore, List.of(dockerfile, DOCKERIGNORE), paths);

        Path tar = Files.createTempFile("devcontainer-context-", ".tar");
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream file = Files.newOutputStream(tar);
                DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest);
                TarArchiveOutputStream out = new TarArchiveOutputStream(digesting, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String path : paths) {
                addEntry(out, contextDirectory.resolve(path), path);
            }
            out.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tar);
            throw e;
        }
        return new ContextArchive(tar, Sha256.hex(digest), paths.size());
    }

    private static void collect(Path root, String prefix, DockerIgnore ignore, List<String> alwaysSent, List<String> into)
            throws IOException {
        Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.sorted().toList();
        }
        for (Path child : children) {
            String path = prefix + child.getFileName();
            boolean excluded = ignore.excludes(path) && !alwaysSent.contains(path);
            boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (!excluded) {
                into.add(path);
            }
            if (directory && (!excluded || ignore.hasExclusions())) {
                collect(root, path + "/", ignore, alwaysSent, into);
            }
        }
    }

    private static void addEntry(TarArchiveOutputStream out, Path source, String path) throws IOException {
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(source)) {
            entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(source).toString().replace('\\', '/'));
            entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE | 0777);
        } else if (Files.isDirectory(source)) {
            entry = new TarArchiveEntry(path + "/");
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
        } else if (Files.isRegularFile(source)) {
            entry = new TarArchiveEntry(path);
            entry.setSize(Files.size(source));
            entry.setMode(0100000 | (Files.isExecutable(source) ? 0755 : 0644));
        } else {
            return; // sockets, pipes, devices: the docker CLI refuses them too; nothing a Dockerfile can COPY
        }
        entry.setModTime(Date.from(FIXED_TIME));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        out.putArchiveEntry(entry);
        if (entry.getSize() > 0) {
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(out);
            }
        }
        out.closeArchiveEntry();
    }

    public Path file() {
        return file;
    }

    /** SHA-256 of the tar stream. */
    public String sha256() {
        return sha256;
    }

    public int entries() {
        return entries;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
