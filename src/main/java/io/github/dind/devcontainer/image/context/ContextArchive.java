package io.github.dind.devcontainer.image.context;

import io.github.dind.devcontainer.FileModes;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The build context as the tar stream the daemon receives, written to a temporary file. It is
 * reproducible: entries in sorted order, a fixed modification time, owner root, and modes reduced
 * to 0755/0644 by the owner's execute bit (by what the file is where the file system keeps no
 * modes: see {@link #fileMode}), so the same files always give the same bytes and the same
 * SHA-256. {@code .dockerignore} is honoured; the Dockerfile and {@code .dockerignore} are
 * always sent, as the docker CLI does.
 */
public final class ContextArchive implements AutoCloseable {
    /** The timestamp of every entry: one second past the epoch, as reproducible-build tools use. */
    static final Instant FIXED_TIME = Instant.ofEpochSecond(1);
    static final String DOCKERIGNORE = ".dockerignore";

    /** The prefix of the name a Dockerfile from outside the context gets in the archive, as the docker CLI names it. */
    static final String OUTSIDE_DOCKERFILE_PREFIX = ".dockerfile.";

    private final Path file;
    private final String sha256;
    private final int entries;
    private final String dockerfileName;

    private ContextArchive(Path file, String sha256, int entries, String dockerfileName) {
        this.file = file;
        this.sha256 = sha256;
        this.entries = entries;
        this.dockerfileName = dockerfileName;
    }

    /**
     * The context of a build as the docker CLI sends it. A Dockerfile outside the context is added
     * as the CLI adds it (docker/cli {@code build.AddDockerfileToBuildContext}): under the name
     * {@code .dockerfile.} and 20 hex digits, listed in the archive's {@code .dockerignore}, so the
     * daemon reads it and then removes it and {@code .dockerignore} from the context before any
     * {@code COPY} (moby {@code builder/remotecontext} {@code removeDockerfile}). The CLI takes the
     * digits at random; here they are the start of the Dockerfile's SHA-256, so the archive stays
     * reproducible.
     *
     * @param contextDirectory the directory to send
     * @param dockerfile the Dockerfile, inside the context or not
     * @throws BuildContextException when {@code .dockerignore} holds a pattern the docker CLI refuses
     * @throws IOException when the context cannot be read or the archive written
     */
    public static ContextArchive create(Path contextDirectory, Path dockerfile) throws IOException, BuildContextException {
        Path context = contextDirectory.toAbsolutePath().normalize();
        Path dockerfilePath = dockerfile.toAbsolutePath().normalize();
        boolean inside = dockerfilePath.startsWith(context) && !dockerfilePath.equals(context);
        byte[] outsideDockerfile = inside ? null : Files.readAllBytes(dockerfilePath);
        String dockerfileName = inside ? context.relativize(dockerfilePath).toString().replace('\\', '/')
                : OUTSIDE_DOCKERFILE_PREFIX + Sha256.hex(outsideDockerfile).substring(0, 20);

        Path ignoreFile = context.resolve(DOCKERIGNORE);
        boolean hasIgnoreFile = Files.isRegularFile(ignoreFile);
        DockerIgnore ignore = DockerIgnore.none();
        if (hasIgnoreFile) {
            try {
                ignore = DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BuildContextException("Cannot read " + ignoreFile + ", " + e.getMessage()
                        + "; the docker CLI refuses it too.");
            }
        }
        ignore = ignore.alwaysSending(DOCKERIGNORE);
        if (inside) {
            ignore = ignore.alwaysSending(dockerfileName);
        }
        List<String> paths = new ArrayList<>();
        collect(context, "", ignore, null, paths);

        Path tar = Files.createTempFile("devcontainer-context-", ".tar");
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream file = Files.newOutputStream(tar);
                DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest);
                TarArchiveOutputStream out = new TarArchiveOutputStream(digesting, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] ignoreListingDockerfile = inside ? null
                    : ((hasIgnoreFile ? Files.readString(ignoreFile, StandardCharsets.UTF_8) : DOCKERIGNORE)
                            + "\n" + dockerfileName + "\n").getBytes(StandardCharsets.UTF_8);
            for (String path : paths) {
                if (ignoreListingDockerfile != null && path.equals(DOCKERIGNORE)) {
                    addBytes(out, path, ignoreListingDockerfile);
                } else {
                    addEntry(out, context.resolve(path), path);
                }
            }
            if (!inside) {
                if (!hasIgnoreFile) {
                    addBytes(out, DOCKERIGNORE, ignoreListingDockerfile);
                }
                addBytes(out, dockerfileName, outsideDockerfile);
            }
            out.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tar);
            throw e;
        }
        return new ContextArchive(tar, Sha256.hex(digest), paths.size() + (inside ? 0 : hasIgnoreFile ? 1 : 2),
                dockerfileName);
    }

    /** Names in the byte order of their UTF-8 form, as Go sorts strings: not Path's order, case-insensitive on Windows. */
    private static final Comparator<Path> BY_NAME_BYTES = (a, b) -> Arrays.compareUnsigned(
            a.getFileName().toString().getBytes(StandardCharsets.UTF_8),
            b.getFileName().toString().getBytes(StandardCharsets.UTF_8));

    /** moby pkg/archive {@code TarWithOptions}' walk: names in byte order, a directory before its content. */
    private static void collect(Path root, String prefix, DockerIgnore ignore, DockerIgnore.Match parent,
            List<String> into) throws IOException {
        Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.sorted(BY_NAME_BYTES).toList();
        }
        for (Path child : children) {
            String path = prefix + child.getFileName();
            DockerIgnore.Match match = ignore.matches(path, parent);
            boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (!match.excluded()) {
                into.add(path);
            } else if (!directory || !ignore.mayReincludeBelow(path)) {
                continue;
            }
            if (directory) {
                collect(root, path + "/", ignore, match, into);
            }
        }
    }

    /** A regular file the archive makes up, with the entries' fixed owner and time. */
    private static void addBytes(TarArchiveOutputStream out, String path, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(content.length);
        entry.setMode(0100644);
        fixOwnerAndTime(entry);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    /** Every entry's owner root:root, unnamed, and one fixed time: the same context makes the same archive. */
    private static void fixOwnerAndTime(TarArchiveEntry entry) {
        entry.setModTime(Date.from(FIXED_TIME));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
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
            entry.setMode(0100000 | fileMode(source));
        } else {
            return; // sockets, pipes, devices: the docker CLI refuses them too; nothing a Dockerfile can COPY
        }
        fixOwnerAndTime(entry);
        out.putArchiveEntry(entry);
        if (entry.getSize() > 0) {
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(out);
            }
        }
        out.closeArchiveEntry();
    }

    /** The first bytes of an ELF executable. */
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    /**
     * A regular file's mode, 0755 or 0644. Where the file system keeps POSIX modes the owner's
     * execute bit decides — not "may this process execute it" (root may execute a file only its
     * group or others may). Where it keeps none (Windows), what the file is: a script (it starts with
     * {@code #!}) or an ELF binary gets 0755, anything else 0644. So a Windows checkout sends the
     * modes a Linux checkout of the same files has when their executable bits are the usual ones
     * (startup.sh is a script), and the same archive: not {@code Files.isExecutable}, which Windows
     * answers from ACLs, true for nearly every file. The docker CLI on Windows sends every file as
     * 0755 instead (moby pkg/archive {@code chmodTarEntry}).
     *
     * @throws IOException when the file's mode or its first bytes cannot be read
     */
    static int fileMode(Path file) throws IOException {
        boolean executable;
        if (FileModes.supportsPosix(file)) {
            executable = FileModes.isOwnerExecutable(file);
        } else {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(ELF.length);
            }
            executable = head.length >= 2 && head[0] == '#' && head[1] == '!' || Arrays.equals(head, ELF);
        }
        return executable ? 0755 : 0644;
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

    /** The Dockerfile's name in the archive, {@code /}-separated: what the daemon is told to build. */
    public String dockerfileName() {
        return dockerfileName;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
