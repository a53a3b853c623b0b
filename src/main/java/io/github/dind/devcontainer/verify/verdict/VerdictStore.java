package io.github.dind.devcontainer.verify.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.WholeFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last verify outcome of each subject (a project's image), kept in a folder: one JSON file per
 * subject that holds either a passing verdict — its {@link VerdictKey}, when it passed, the image
 * reference and its whole JUnit report — or the mark of a failure. Each write gives the file a new
 * <em>generation</em> (a random id).
 *
 * <p>Two verifies of one subject at once (two terminals, an IDE and a terminal) are safe:
 * <ul>
 *   <li>A file is replaced whole ({@link WholeFile}: a sibling written, then moved into place), so a reader
 *       sees one run's verdict and its own report, never a mix.</li>
 *   <li>A pass is stored by compare-and-swap: only when the file still has the generation the run
 *       read before its checks ({@link #save}). A run that started before another run's failure or
 *       pass was recorded does not overwrite it; a failure is always recorded ({@link #forget}).</li>
 *   <li>The compare and the swap happen under a lock: a {@link FileLock} on {@code .lock} in the
 *       folder (between processes: {@code fcntl} locks on Linux and macOS, {@code LockFileEx} on
 *       Windows) and a lock per folder inside this JVM (a {@link FileLock} is held per JVM, and
 *       {@code mvn -T} runs goals on several threads). A lock rather than a lock-free swap, because
 *       a file system offers no atomic "replace if unchanged"; the lock is held for one small write.</li>
 * </ul>
 * Files are created as any file is (the umask decides their mode; no POSIX-only call).
 */
public final class VerdictStore {
    private static final JsonMapper JSON = new JsonMapper();
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path directory;

    /** @param directory where verdicts are kept; created on the first write */
    public VerdictStore(Path directory) {
        this.directory = directory;
    }

    /**
     * A passing verdict as stored.
     *
     * @param passed when the checks passed
     * @param image the image reference verified, for the log
     * @param report its JUnit report, whole
     */
    public record Stored(VerdictKey key, Instant passed, String image, String report) {
    }

    /**
     * What the store holds for a subject.
     *
     * @param generation the file's generation; null when there is no file (or it cannot be read)
     * @param verdict the passing verdict; empty after a failure, or when there is none
     */
    public record Entry(String generation, Optional<Stored> verdict) {
        static final Entry NONE = new Entry(null, Optional.empty());
    }

    /** Whether verdicts can be written here (a folder not there yet counts as writable). */
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
     * The subject's entry. A damaged or incomplete file (or one of an older plugin version) counts
     * as no file: its verdict is not reused, and the next write replaces it.
     *
     * @param subject what the verdict is about: the project's folder and the image reference
     */
    public Entry read(String subject) {
        Path file = file(subject);
        if (!Files.isRegularFile(file)) {
            return Entry.NONE;
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String generation = node.path("generation").asText(null);
            if (generation == null) {
                return Entry.NONE;
            }
            if (!node.has("passed")) {
                return new Entry(generation, Optional.empty());
            }
            Map<String, String> parts = new LinkedHashMap<>();
            node.path("key").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asText()));
            String report = node.path("report").asText("");
            if (report.isEmpty()) {
                return Entry.NONE;
            }
            return new Entry(generation, Optional.of(new Stored(VerdictKey.restore(parts),
                    Instant.parse(node.path("passed").asText()), node.path("image").asText(), report)));
        } catch (IOException | RuntimeException e) {
            return Entry.NONE;
        }
    }

    /** The subject's passing verdict, if the store holds one. */
    public Optional<Stored> find(String subject) {
        return read(subject).verdict();
    }

    /**
     * Keeps a passing verdict, unless another run wrote the subject's entry since this run read it.
     *
     * @param seen the generation this run read before its checks ({@link Entry#generation()}, null for none)
     * @param report the run's JUnit report, as written for it
     * @return false when the entry changed since {@code seen} (then the other run's outcome stays)
     * @throws IOException when the folder, the lock or the file cannot be written
     */
    public boolean save(String subject, String seen, String image, VerdictKey key, Instant passed, String report)
            throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("generation", UUID.randomUUID().toString());
        node.put("image", image);
        node.put("passed", passed.toString());
        ObjectNode parts = node.putObject("key");
        key.parts().forEach(parts::put);
        node.put("report", report);
        return locked(() -> {
            if (!Objects.equals(read(subject).generation(), seen)) {
                return false;
            }
            replace(subject, node);
            return true;
        });
    }

    /**
     * Records that the subject's last run did not pass: its passing verdict, if any, is gone, and a
     * pass of a run that read the store before this cannot take its place.
     *
     * @return false when that could not be written (then a stored pass may stay)
     */
    public boolean forget(String subject) {
        ObjectNode node = JSON.createObjectNode();
        node.put("generation", UUID.randomUUID().toString());
        node.put("failed", Instant.now().toString());
        try {
            return locked(() -> {
                replace(subject, node);
                return true;
            });
        } catch (IOException e) {
            try { // without the lock, at least no pass stays
                Files.deleteIfExists(file(subject));
                return true;
            } catch (IOException again) {
                return false;
            }
        }
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T locked(Locked<T> action) throws IOException {
        Files.createDirectories(directory);
        ReentrantLock jvm = IN_THIS_JVM.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> new ReentrantLock());
        jvm.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return action.run();
        } finally {
            jvm.unlock();
        }
    }

    /** Replaces the subject's file whole; removes the report copy older versions kept beside it. */
    private void replace(String subject, ObjectNode node) throws IOException {
        WholeFile.write(file(subject), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        Files.deleteIfExists(directory.resolve(name(subject) + ".xml"));
    }

    private Path file(String subject) {
        return directory.resolve(name(subject) + ".json");
    }

    private static String name(String subject) {
        return Sha256.hex(subject).substring(0, 32);
    }
}
