package io.github.dind.devcontainer.image.offline;

import io.github.dind.devcontainer.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an offline repository is made from, as one SHA-256: the payload's format, the build command, the Dockerfile's text,
 * and every file that decides what Maven downloads — each {@code pom.xml} of the project's tree,
 * the {@code .mvn/} folders (extensions, maven.config, the wrapper's properties) and the wrapper
 * scripts — by path and content. Sources are left out: they change all day, and what Maven
 * downloads does not depend on them. Build output ({@code target/} beside a {@code pom.xml}), version
 * control and {@code node_modules} are not walked.
 */
public final class RepositoryKey {
    /**
     * The payload's layout as the Feature's scripts read it (2: the key beside the repository); part
     * of the key, so a plugin that lays it out otherwise makes it again instead of using an old one.
     */
    static final int PAYLOAD_FORMAT = 2;

    /** Folders never walked (and {@code target} beside a {@code pom.xml}: {@link #skipped}). */
    static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", "node_modules");

    /**
     * Whether a folder below the project's top is left out: version control, {@code node_modules}, and
     * a module's build output — {@code target} beside a {@code pom.xml}, not a source package of that name.
     */
    static boolean skipped(Path dir) {
        String name = dir.getFileName().toString();
        return SKIPPED.contains(name) || name.equals("target") && Files.isRegularFile(dir.resolveSibling("pom.xml"));
    }

    private RepositoryKey() {
    }

    /** @throws IOException when a file cannot be read */
    public static String of(Path projectRoot, String command, String dockerfileText) throws IOException {
        StringBuilder text = new StringBuilder("payload format\0").append(PAYLOAD_FORMAT).append('\0')
                .append("command\0").append(command).append('\0')
                .append("dockerfile\0").append(Sha256.hex(dockerfileText)).append('\0');
        for (Path file : buildFiles(projectRoot)) {
            text.append(projectRoot.relativize(file).toString().replace('\\', '/')).append('\0')
                    .append(sha256(file)).append('\0');
        }
        return Sha256.hex(text.toString());
    }

    /** The files that decide what Maven downloads, sorted. */
    static List<Path> buildFiles(Path projectRoot) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(projectRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(projectRoot) && skipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                Path relative = projectRoot.relativize(file);
                boolean inMvn = false;
                for (Path part : relative) {
                    inMvn |= part.toString().equals(".mvn");
                }
                if (attrs.isRegularFile() && (name.equals("pom.xml") || inMvn
                        || relative.getNameCount() == 1 && (name.equals("mvnw") || name.equals("mvnw.cmd")))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Sha256.hex(digest);
    }
}
