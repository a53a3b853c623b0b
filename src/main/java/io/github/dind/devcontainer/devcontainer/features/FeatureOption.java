package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One option a Feature declares in {@code devcontainer-feature.json} (containers.dev, "Dev Container
 * Features reference", "Options property"): its type ({@code string} or {@code boolean}), its default,
 * and for strings the allowed values ({@code enum}; {@code proposals} only suggest).
 *
 * @param defaultValue null when the Feature gives none
 * @param allowed the {@code enum} values; empty when any string is allowed
 */
public record FeatureOption(String name, String type, JsonNode defaultValue, List<String> allowed) {
    public FeatureOption {
        allowed = List.copyOf(allowed);
    }
}
