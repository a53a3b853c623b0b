package io.github.dind.devcontainer.verify.verdict;

import io.github.dind.devcontainer.Sha256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a verify verdict depends on, part by part: the plugin (its version and the digest of
 * its jar, so a rebuilt snapshot counts as a change), the image's id, the effective launch settings
 * (devcontainer.json merged with the image's label, and the {@code docker run} made of them), the
 * checks and their configuration, and the engine ({@link io.github.dind.devcontainer.run.ContainerEngine#describeEngine(String)}).
 * Two keys are equal when every part is; {@link #changedSince} names the parts that differ.
 * Long parts are kept as their SHA-256, so a stored key stays small and holds no command text.
 */
public final class VerdictKey {
    /** The parts' names, in the order they are shown. */
    public static final String PLUGIN = "plugin";
    public static final String IMAGE = "image";
    public static final String LAUNCH = "launch settings";
    public static final String CHECKS = "checks";
    public static final String ENGINE = "engine";
    private static final List<String> PARTS = List.of(PLUGIN, IMAGE, LAUNCH, CHECKS, ENGINE);

    private final Map<String, String> parts;

    private VerdictKey(Map<String, String> parts) {
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /**
     * @param plugin the plugin's version and jar digest ({@link PluginIdentity#describe()})
     * @param imageId the image's id, {@code sha256:...}
     * @param launch the effective launch settings and the client's {@code docker run}, in any stable text form
     * @param checks the check ids and every setting that changes what they do, in any stable text form
     * @param engine {@link io.github.dind.devcontainer.run.ContainerEngine#describeEngine(String)}
     * @throws NullPointerException when a part is null (an image without id cannot be keyed)
     */
    public static VerdictKey of(String plugin, String imageId, String launch, String checks, String engine) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(PLUGIN, Objects.requireNonNull(plugin, PLUGIN));
        parts.put(IMAGE, Objects.requireNonNull(imageId, IMAGE));
        parts.put(LAUNCH, "sha256:" + Sha256.hex(Objects.requireNonNull(launch, LAUNCH)));
        parts.put(CHECKS, "sha256:" + Sha256.hex(Objects.requireNonNull(checks, CHECKS)));
        parts.put(ENGINE, "sha256:" + Sha256.hex(Objects.requireNonNull(engine, ENGINE)));
        return new VerdictKey(parts);
    }

    /**
     * A key as stored.
     *
     * @throws IllegalArgumentException when a part is missing or unknown
     */
    public static VerdictKey restore(Map<String, String> parts) {
        if (!parts.keySet().equals(new java.util.HashSet<>(PARTS)) || parts.containsValue(null)) {
            throw new IllegalArgumentException("a verdict key has the parts " + PARTS + ", not " + parts.keySet());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        PARTS.forEach(name -> ordered.put(name, parts.get(name)));
        return new VerdictKey(ordered);
    }

    /** The parts by name, in {@link #PLUGIN}, {@link #IMAGE}, {@link #LAUNCH}, {@link #CHECKS}, {@link #ENGINE} order. */
    public Map<String, String> parts() {
        return parts;
    }

    /** The names of the parts whose values differ from {@code earlier}'s, in order; empty when the keys are equal. */
    public List<String> changedSince(VerdictKey earlier) {
        List<String> changed = new ArrayList<>();
        for (String name : PARTS) {
            if (!parts.get(name).equals(earlier.parts.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerdictKey key && parts.equals(key.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
