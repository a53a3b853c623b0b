package io.github.dind.devcontainer.image.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The project's tree as a tar for the warm-up container, under its folder's name: what a developer
 * would have checked out. Build output, version control, {@code node_modules} and the given payload
 * folders (the Features' payloads in {@code .devcontainer/}) are left out; symbolic links stay links.
 */
public final class ProjectArchive {
    private ProjectArchive() {
    }

    /**
     * @param skipped folders (absolute) left out with everything below them
     * @return how many files it holds
     * @throws IOException when a file cannot be read or the tar written
     */
    public static int write(Path projectRoot, Set<Path> skipped, OutputStream target) throws IOException {
        String top = projectRoot.getFileName() == null ? "project" : projectRoot.getFileName().toString();
        int[] files = {0};
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(target, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(projectRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(projectRoot) && (RepositoryKey.skipped(dir) || skipped.contains(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    TarArchiveEntry entry = new TarArchiveEntry(name(dir) + "/");
                    entry.setMode(0755);
                    out.putArchiveEntry(entry);
                    out.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        TarArchiveEntry entry = new TarArchiveEntry(name(file), TarConstants.LF_SYMLINK);
                        entry.setLinkName(Files.readSymbolicLink(file).toString().replace('\\', '/'));
                        out.putArchiveEntry(entry);
                        out.closeArchiveEntry();
                    } else if (attrs.isRegularFile()) {
                        TarArchiveEntry entry = new TarArchiveEntry(name(file));
                        entry.setSize(attrs.size());
                        entry.setMode(Files.isExecutable(file) ? 0755 : 0644);
                        out.putArchiveEntry(entry);
                        Files.copy(file, out);
                        out.closeArchiveEntry();
                        files[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                private String name(Path path) {
                    String relative = projectRoot.relativize(path).toString().replace('\\', '/');
                    return relative.isEmpty() ? top : top + "/" + relative;
                }
            });
            out.finish();
        }
        return files[0];
    }

}
