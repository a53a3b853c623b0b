package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills the preload Feature's payload before the build: each image its {@code images.txt} lists is
 * saved from the host's engine ({@code docker save}, pulled through the engine first when the host
 * lacks it and Maven is online) into {@code images/NAME.tar}, with {@code images/images.tsv} (reference,
 * file, image id) as the index. A tar is rewritten only when the host's image id for its reference
 * changed, so a second build writes nothing and the Features' digest ({@code FeaturePlan#digest}),
 * hence the image's fingerprint, stays the same.
 *
 * <p>Its length is the engine's part (inspect, pull, save, each bounded) beside the index's: both
 * decide together what is rewritten, and every way an image cannot be had gets its own message.
 */
public final class ImagePreloader {
    /** The Feature's folder generate writes, and its id (its devcontainer-feature.json); build preloads when devcontainer.json names it. */
    public static final String FEATURE = "preload";
    /** The committed list: one reference a line, {@code #} comments. */
    public static final String LIST = "images.txt";
    /** The payload folder ({@code .gitignore}d, {@code .dockerignore}d from the Dockerfile's context). */
    public static final String PAYLOAD = "images";
    /** The index of the payload: {@code reference TAB file TAB image id} a line. */
    public static final String INDEX = "images.tsv";
    /**
     * Above this many bytes of saved images (2 GiB) build warns: the image grows by at least as much,
     * twice that in builds without BuildKit (the Feature's COPY layer and the layer its install.sh
     * writes), and every client's build copies it.
     */
    public static final long SIZE_BOUND = 2L * 1024 * 1024 * 1024;

    /** The host's engine as the preloader needs it; {@link #docker} is the real one. */
    public interface HostImages {
        /** The image id ({@code sha256:...}) of the reference on the host's engine; empty when it has none. */
        Optional<String> id(String reference);

        /** Pulls the reference through the host's engine. @throws Exception with the engine's reason */
        void pull(String reference) throws Exception;

        /** {@code docker save} of the reference, as a tar stream. */
        InputStream save(String reference) throws Exception;
    }

    /** One saved image. */
    public record Entry(String reference, String file, String imageId) {
    }

    /** A reference the host has not and cannot (or, offline, may not) pull, or a payload that cannot be written. */
    public static final class PreloadException extends DevcontainerException {
        private static final long serialVersionUID = 1L;

        public PreloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HostImages host;
    private final Console console;
    private final long sizeBound;

    public ImagePreloader(HostImages host, Console console) {
        this(host, console, SIZE_BOUND);
    }

    /** @param sizeBound bytes of saved images above which build warns */
    ImagePreloader(HostImages host, Console console, long sizeBound) {
        this.host = host;
        this.console = console;
        this.sizeBound = sizeBound;
    }

    /** The host's engine through docker-java. */
    public static HostImages engine(io.github.dind.devcontainer.docker.DockerConnection connection, java.time.Duration timeout) {
        return engine(connection.client(), timeout);
    }

    static HostImages engine(com.github.dockerjava.api.DockerClient docker, java.time.Duration timeout) {
        return new HostImages() {
            @Override
            public Optional<String> id(String reference) {
                try {
                    return Optional.ofNullable(docker.inspectImageCmd(reference).exec().getId());
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void pull(String reference) throws Exception {
                ImageReference parsed = ImageReference.parse(reference);
                try (var callback = docker.pullImageCmd(parsed.repository())
                        .withTag(parsed.digest().orElse(parsed.tag()))
                        .exec(new com.github.dockerjava.api.command.PullImageResultCallback())) {
                    if (!callback.awaitCompletion(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        throw new IOException("the pull did not finish within " + timeout.toSeconds() + " s");
                    }
                }
            }

            @Override
            public InputStream save(String reference) {
                return docker.saveImageCmd(reference).exec();
            }
        };
    }

    /**
     * The preload Feature's folder, when the build's Features (devcontainer.json's) include it: a folder
     * devcontainer.json no longer names is left alone.
     */
    public static Optional<Path> featureOf(BuildRequest request) {
        return request.features().features().stream()
                .filter(f -> f.source() instanceof io.github.dind.devcontainer.devcontainer.features.FeatureSource.Local
                        && FEATURE.equals(f.definition().id()))
                .map(f -> f.definition().folder()).findFirst();
    }

    /**
     * Saves what the list names and is not saved yet, removes what it no longer names.
     *
     * @param offline Maven runs offline ({@code -o}): nothing is pulled
     * @return the entries of the index, in the list's order
     * @throws PreloadException naming the image the host lacks and cannot pull (offline: saying so), or a
     *     list or payload that cannot be read or written
     * @throws RuntimeException from the engine's client when the engine fails a call
     */
    public List<Entry> fill(Path feature, boolean offline) throws PreloadException {
        List<String> references = readList(feature.resolve(LIST));
        Path payload = feature.resolve(PAYLOAD);
        Map<String, Entry> saved = readIndex(payload.resolve(INDEX));
        List<Entry> entries = new ArrayList<>();
        int written = 0;
        for (String reference : references) {
            String file = fileName(reference);
            Optional<String> id = host.id(reference);
            if (id.isEmpty()) {
                if (offline) {
                    throw new PreloadException("The image " + reference + " to preload (" + Setting.ref("preloadImages")
                            + ", " + feature.resolve(LIST) + ") is not on the host's Docker engine, and Maven runs offline"
                            + " (-o), so it is not pulled. Pull it first (docker pull " + reference + ", or docker load a"
                            + " saved copy), or run without -o.", null);
                }
                console.info("Pulling " + reference + " to preload it");
                try {
                    host.pull(reference);
                } catch (Exception e) {
                    throw new PreloadException("The image " + reference + " to preload (" + Setting.ref("preloadImages")
                            + ", " + feature.resolve(LIST) + ") is not on the host's Docker engine and cannot be pulled: "
                            + io.github.dind.devcontainer.Errors.rootMessage(e) + ". Pull or load it yourself, or remove it"
                            + " from the list.", e);
                }
                id = host.id(reference);
                if (id.isEmpty()) {
                    throw new PreloadException("The image " + reference + " to preload is not on the host's Docker engine"
                            + " even after pulling it", null);
                }
            }
            Entry entry = new Entry(reference, file, id.get());
            Entry previous = saved.get(reference);
            if (previous == null || !previous.equals(entry) || !Files.isRegularFile(payload.resolve(file))) {
                save(entry, payload);
                written++;
            }
            entries.add(entry);
        }
        removeStale(payload, entries);
        writeIndex(payload.resolve(INDEX), entries);
        long bytes = size(payload, entries);
        console.info(String.format(Locale.ROOT, "Preloading %d image%s (%s) from the host's engine in %s: %s",
                entries.size(), entries.size() == 1 ? "" : "s", mebibytes(bytes), payload,
                written == 0 ? "all up to date" : written + " saved"));
        if (bytes > sizeBound) {
            console.warn(String.format(Locale.ROOT, "The images to preload (%s) take %s, more than %s: the image grows"
                    + " by at least as much (twice that in a build without BuildKit) and every client's build copies it."
                    + " Preload fewer images, or let the devcontainer pull them.", Setting.ref("preloadImages"),
                    mebibytes(bytes), mebibytes(sizeBound)));
        }
        return entries;
    }

    private void save(Entry entry, Path payload) throws PreloadException {
        Path target = payload.resolve(entry.file());
        Path partial = payload.resolve(entry.file() + ".partial");
        try {
            Files.createDirectories(payload);
            try (InputStream tar = host.save(entry.reference())) {
                Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            console.info("Saved " + entry.reference() + " (" + entry.imageId() + ", " + mebibytes(Files.size(target))
                    + ") to " + target);
        } catch (Exception e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next build overwrites it
            }
            throw new PreloadException("Cannot save the image " + entry.reference() + " to preload into " + target + ": "
                    + io.github.dind.devcontainer.Errors.rootMessage(e), e);
        }
    }

    /** The list's references: one a line, blank lines and {@code #} comments skipped, each validated. */
    static List<String> readList(Path list) throws PreloadException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PreloadException("Cannot read " + list + ": " + e.getMessage(), e);
        }
        List<String> references = new ArrayList<>();
        for (String line : lines) {
            String reference = line.strip();
            if (reference.isEmpty() || reference.startsWith("#")) {
                continue;
            }
            if (!ImageReference.isValid(reference)) {
                throw new PreloadException(list + " names \"" + reference + "\", which is not " + ImageReference.RULE
                        + ": fix the line, or " + Setting.ref("preloadImages") + " and run generate again", null);
            }
            if (!references.contains(reference)) {
                references.add(reference);
            }
        }
        return references;
    }

    /**
     * A file name for the reference that stays one path segment and differs for every reference: its
     * characters outside {@code [a-z0-9._-]} become {@code _}, followed by 12 hex digits of its SHA-256.
     */
    static String fileName(String reference) {
        String safe = reference.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "-" + io.github.dind.devcontainer.Sha256.hex(reference).substring(0, 12) + ".tar";
    }

    static Map<String, Entry> readIndex(Path index) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(index)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length == 3 && !line.startsWith("#")) {
                    entries.put(fields[0], new Entry(fields[0], fields[1], fields[2]));
                }
            }
        } catch (IOException e) {
            return Map.of(); // unreadable: everything is saved again
        }
        return entries;
    }

    /** The index, rewritten only when its content changes. */
    static void writeIndex(Path index, List<Entry> entries) throws PreloadException {
        String text = "# reference\tfile\timage id: written by mvn devcontainer:build from ../" + LIST + "\n"
                + entries.stream().map(e -> e.reference() + "\t" + e.file() + "\t" + e.imageId() + "\n")
                        .collect(Collectors.joining());
        try {
            if (Files.isRegularFile(index) && Files.readString(index, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
            Files.createDirectories(index.getParent());
            Files.writeString(index, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PreloadException("Cannot write " + index + ": " + e.getMessage(), e);
        }
    }

    /** Tars of images the list no longer names, and left-over partial files. */
    private static void removeStale(Path payload, List<Entry> entries) throws PreloadException {
        if (!Files.isDirectory(payload)) {
            return;
        }
        Set<String> kept = entries.stream().map(Entry::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(payload)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".tar") || name.endsWith(".partial")) && !kept.contains(name)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new PreloadException("Cannot clean " + payload + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path payload, List<Entry> entries) {
        long bytes = 0;
        for (Entry entry : entries) {
            try {
                bytes += Files.size(payload.resolve(entry.file()));
            } catch (IOException e) {
                // counted as nothing
            }
        }
        return bytes;
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
