package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * devcontainer-lock.json (containers.dev, "Lockfile"; devcontainers/cli lockfile.ts): for each Feature
 * from a registry, by its id as devcontainer.json (or a dependsOn) writes it, the version installed,
 * the manifest it resolved to and that manifest's digest ({@code integrity}). A Feature with an entry
 * resolves to that digest, whatever its tag says now (containerFeaturesConfiguration.ts
 * {@code getFeatureIdType} asks the registry for {@code manifests/<integrity>}).
 *
 * @param features by Feature id, in the file's order
 */
public record FeatureLockfile(Map<String, Entry> features) {
    /**
     * One locked Feature.
     *
     * @param version the Feature's {@code version} (devcontainer-feature.json); empty when it has none (then not written)
     * @param resolved {@code registry/namespace/id@sha256:...}
     * @param integrity the manifest's {@code sha256:...}
     * @param dependsOn the ids of its {@code dependsOn}; empty when it has none (then not written)
     */
    public record Entry(String version, String resolved, String integrity, List<String> dependsOn) {
        public Entry {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FeatureLockfile {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /**
     * Where the lockfile of a devcontainer.json is: beside it, {@code devcontainer-lock.json}, or
     * {@code .devcontainer-lock.json} for a {@code .devcontainer.json} (lockfile.ts {@code getLockfilePath}).
     */
    public static Path pathFor(Path configFile) {
        String name = configFile.getFileName().toString().startsWith(".") ? ".devcontainer-lock.json" : "devcontainer-lock.json";
        return configFile.resolveSibling(name);
    }

    /**
     * @return empty when there is no such file, or it is blank (the CLI's marker for "write one")
     * @throws FeatureException naming the file when it is not the lockfile's JSON, or an entry's
     *     {@code integrity} is not a sha256 digest
     */
    public static Optional<FeatureLockfile> read(Path file) throws FeatureException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new FeatureException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new FeatureException(file + " is not JSON (" + e.getOriginalMessage() + where + "). Fix it, or delete it and write"
                    + " it again with -Ddevcontainer.build.lockFeatures", e);
        }
        if (!(root instanceof ObjectNode) || !root.path("features").isObject()) {
            throw new FeatureException(file + " has no \"features\" object: it is not a devcontainer-lock.json. Fix it, or"
                    + " delete it and write it again with -Ddevcontainer.build.lockFeatures");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> feature : (Iterable<Map.Entry<String, JsonNode>>) root.path("features")::fields) {
            JsonNode entry = feature.getValue();
            String integrity = entry.path("integrity").asText("");
            if (!OciReference.DIGEST.matcher(integrity).matches()) {
                throw new FeatureException(file + " locks the Feature \"" + feature.getKey() + "\" to the integrity \""
                        + integrity + "\", which is not sha256:<64 hex digits>. Fix it, or delete the entry and write it"
                        + " again with -Ddevcontainer.build.lockFeatures");
            }
            List<String> dependsOn = new ArrayList<>();
            entry.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
            entries.put(feature.getKey(), new Entry(entry.path("version").asText(""), entry.path("resolved").asText(""),
                    integrity, dependsOn));
        }
        return Optional.of(new FeatureLockfile(entries));
    }

    /** The digest the lockfile pins a Feature to, by its id as written. */
    public Optional<String> integrity(String userFeatureId) {
        Entry entry = features.get(userFeatureId);
        return entry == null ? Optional.empty() : Optional.of(entry.integrity());
    }

    /**
     * The lockfile of an install, as lockfile.ts {@code generateLockfile} makes it: each Feature from
     * a registry (those a dependsOn added too), sorted by id ({@code localeCompare}).
     */
    public static FeatureLockfile of(List<Features.Installed> installed) {
        List<Features.Installed> locked = new ArrayList<>(installed.stream()
                .filter(f -> f.source() instanceof FeatureSource.Oci).toList());
        locked.sort((a, b) -> LocaleOrder.INSTANCE.compare(a.userFeatureId(), b.userFeatureId()));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Features.Installed feature : locked) {
            FeatureSource.Oci oci = (FeatureSource.Oci) feature.source();
            String digest = oci.manifest().digest();
            entries.put(feature.userFeatureId(), new Entry(feature.definition().version(), oci.ref().pinned(digest), digest,
                    List.copyOf(feature.definition().dependsOn().keySet())));
        }
        return new FeatureLockfile(entries);
    }

    /** The file's text, as lockfile.ts {@code writeLockfile} writes it: {@code JSON.stringify(lockfile, null, 2)} and a newline. */
    public String text() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode all = root.putObject("features");
        features.forEach((id, entry) -> {
            ObjectNode node = all.putObject(id);
            if (!entry.version().isEmpty()) { // undefined in the CLI: JSON.stringify leaves it out
                node.put("version", entry.version());
            }
            node.put("resolved", entry.resolved());
            node.put("integrity", entry.integrity());
            if (!entry.dependsOn().isEmpty()) {
                entry.dependsOn().forEach(node.putArray("dependsOn")::add);
            }
        });
        return JsStringify.pretty(root) + "\n";
    }

    /**
     * Whether an existing file already says what {@link #text()} says, compared as lockfile.ts
     * {@code writeLockfile} compares (both through {@code JSON.parse} and {@code JSON.stringify}):
     * indentation and spacing do not count, order does.
     */
    public boolean sameAs(String existing) {
        try {
            JsonNode old = JSON.readTree(existing);
            return old != null && !old.isMissingNode() && (JsStringify.pretty(old) + "\n").equals(text());
        } catch (IOException e) {
            return false;
        }
    }
}
