package io.github.dind.devcontainer.verify.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last passing verify verdict of each subject (a project's image), kept in a folder: a JSON file
 * with the {@link VerdictKey}, the time it passed and the image reference, beside a copy of its
 * JUnit report. One pair of files per subject, replaced by the next passing verdict and removed by a
 * failing one, so the folder does not grow with every image built. Writes are atomic (a temporary
 * file moved into place), so concurrent builds read either the old verdict or the new one.
 */
public final class VerdictStore {
    private static final JsonMapper JSON = new JsonMapper();

    private final Path directory;

    /** @param directory where verdicts are kept; created on the first save */
    public VerdictStore(Path directory) {
        this.directory = directory;
    }

    /**
     * A passing verdict as stored.
     *
     * @param passed when the checks passed
     * @param image the image reference verified, for the log
     * @param report the stored copy of its JUnit report
     */
    public record Stored(VerdictKey key, Instant passed, String image, Path report) {
    }

    /** Whether verdicts can be written and removed here (a folder not there yet counts as writable). */
    public boolean writable() {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isWritable(existing);
    }

    public Path directory() {
        return directory;
    }

    /**
     * The subject's passing verdict; empty when there is none, or when its files are damaged or
     * incomplete (then it is as good as absent, and the next passing verdict replaces it).
     *
     * @param subject what the verdict is about: the project's folder and the image reference
     */
    public Optional<Stored> find(String subject) {
        Path file = file(subject, ".json");
        Path report = file(subject, ".xml");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            Map<String, String> parts = new LinkedHashMap<>();
            node.path("key").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asText()));
            if (!node.path("report").asText().equals(digest(report))) {
                return Optional.empty(); // the report was damaged or replaced since it was stored
            }
            return Optional.of(new Stored(VerdictKey.restore(parts), Instant.parse(node.path("passed").asText()),
                    node.path("image").asText(), report));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code key} as the subject's passing verdict, with a copy of {@code report} and its
     * SHA-256 (a copy that no longer matches it is not reused).
     *
     * @throws IOException when the folder or a file cannot be written
     */
    public void save(String subject, String image, VerdictKey key, Instant passed, Path report) throws IOException {
        Files.createDirectories(directory);
        byte[] content = Files.readAllBytes(report);
        ObjectNode node = JSON.createObjectNode();
        node.put("image", image);
        node.put("passed", passed.toString());
        node.put("report", Sha256.hex(content));
        ObjectNode parts = node.putObject("key");
        key.parts().forEach(parts::put);
        replace(file(subject, ".xml"), temp -> Files.write(temp, content));
        replace(file(subject, ".json"), temp -> JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node));
    }

    /**
     * Removes the subject's verdict, if any.
     *
     * @return false when a file of it could not be removed (a JSON without its report, or a report
     *     without its JSON, is never reused; a pair that stays is)
     */
    public boolean forget(String subject) {
        boolean removed = true;
        for (String suffix : new String[] {".json", ".xml"}) {
            try {
                Files.deleteIfExists(file(subject, suffix));
            } catch (IOException e) {
                removed = false;
            }
        }
        return removed;
    }

    private static String digest(Path report) throws IOException {
        return Sha256.hex(Files.readAllBytes(report));
    }

    private Path file(String subject, String suffix) {
        return directory.resolve(Sha256.hex(subject).substring(0, 32) + suffix);
    }

    private interface Writer {
        void write(Path temp) throws IOException;
    }

    /** Writes a sibling file (created as any file is, so the umask decides its mode) and moves it into place. */
    private void replace(Path target, Writer writer) throws IOException {
        Path temp = directory.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
