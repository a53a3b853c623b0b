package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.FileModes;
import io.github.dind.devcontainer.generate.request.CaCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps {@code ca-certificates/} in the build context equal to the {@code caCertificates}
 * parameter: the folder belongs to the plugin, so every {@code *.crt} in it that the parameter no
 * longer names is removed, and the folder with it when it ends up empty. Unchanged files are not
 * rewritten; writes are atomic.
 */
public final class CaCertificateFiles {
    private final Path folder;

    /** @param contextDirectory the devcontainer folder, e.g. {@code .devcontainer} */
    public CaCertificateFiles(Path contextDirectory) {
        this.folder = contextDirectory.resolve(CaCertificates.CONTEXT_FOLDER);
    }

    /**
     * rw-r--r--: the files are public certificates, and a client's docker build copies the mode into
     * the image. Where the file system keeps no POSIX modes (Windows) nothing is set: the plugin's
     * build sends such a file as 0644, the docker CLI's as 0755, both readable.
     */
    private static void setReadable(Path file) throws IOException {
        FileModes.setModeIfSupported(file, "rw-r--r--");
    }

    /** What changed, one line per file, e.g. {@code ca-certificates/corp.crt written}. */
    public List<String> sync(List<CaCertificates.CaCertificate> certificates) throws IOException {
        List<String> changes = new ArrayList<>();
        if (!certificates.isEmpty()) {
            Files.createDirectories(folder);
        }
        for (CaCertificates.CaCertificate certificate : certificates) {
            Path file = folder.resolve(certificate.fileName());
            byte[] content = certificate.pem().getBytes(StandardCharsets.US_ASCII);
            if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                setReadable(file);
                continue;
            }
            Path temporary = Files.createTempFile(folder, ".ca-", ".tmp");
            try {
                Files.write(temporary, content);
                setReadable(temporary);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            changes.add(CaCertificates.CONTEXT_FOLDER + "/" + certificate.fileName() + " written");
        }
        if (Files.isDirectory(folder)) {
            Set<String> wanted = certificates.stream().map(CaCertificates.CaCertificate::fileName).collect(Collectors.toSet());
            try (Stream<Path> listing = Files.list(folder)) {
                for (Path stale : listing.filter(p -> p.getFileName().toString().endsWith(".crt"))
                        .filter(p -> !wanted.contains(p.getFileName().toString())).sorted().toList()) {
                    Files.delete(stale);
                    changes.add(CaCertificates.CONTEXT_FOLDER + "/" + stale.getFileName() + " removed");
                }
            }
            try (Stream<Path> listing = Files.list(folder)) {
                if (listing.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
        return changes;
    }
}
