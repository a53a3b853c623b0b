package io.github.dind.devcontainer.image.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the build context's files that a Windows checkout (git's {@code core.autocrlf}) gave CRLF
 * line endings where they break: the Dockerfile and shell scripts ({@code *.sh}, or any file that
 * starts with {@code #!}), whose shebang line then names {@code bash\r}. Files over 1 MiB and the
 * {@code .git}, {@code target} and {@code node_modules} folders are not read.
 */
public final class LineEndings {
    private static final long MAX_BYTES = 1 << 20;
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");

    private LineEndings() {
    }

    /**
     * @param dockerfile the Dockerfile, inside the context or not
     * @return the context-relative paths ({@code /}-separated, sorted) of the files with CRLF endings;
     *     a Dockerfile outside the context by its own path, first
     * @throws IOException when the context cannot be read
     */
    public static List<String> crlfFiles(Path context, Path dockerfile) throws IOException {
        Path dockerfilePath = dockerfile.toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        boolean outside = !dockerfilePath.startsWith(context.toAbsolutePath().normalize());
        Files.walkFileTree(context, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(context) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES) {
                    byte[] content = read(file);
                    boolean script = file.getFileName().toString().endsWith(".sh")
                            || content.length > 1 && content[0] == '#' && content[1] == '!';
                    if ((script || file.toAbsolutePath().normalize().equals(dockerfilePath)) && hasCrlf(content)) {
                        found.add(context.relativize(file).toString().replace('\\', '/'));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        if (outside && Files.size(dockerfilePath) <= MAX_BYTES && hasCrlf(read(dockerfilePath))) {
            found.add(0, dockerfilePath.toString());
        }
        return found;
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    private static boolean hasCrlf(byte[] content) {
        for (int i = 1; i < content.length; i++) {
            if (content[i] == '\n' && content[i - 1] == '\r') {
                return true;
            }
        }
        return false;
    }
}
