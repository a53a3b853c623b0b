package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Features a devcontainer.json installs, in install order, each with its options resolved: what
 * the plugin's build layers onto the image and records in its {@code devcontainer.metadata} label,
 * as a devcontainer client does for the same file.
 *
 * <p>Local Features ({@code ./name} inside {@code .devcontainer/}) are read from disk, Features from
 * an OCI registry through a {@link FeatureRegistry}. Features from a tarball URL are not fetched by
 * this version: a devcontainer.json that names one fails with a message saying so, instead of
 * building an image without it.
 */
public final class Features {
    /** The properties of a Feature's metadata entry besides {@code id} (devcontainers/cli, imageMetadata.ts {@code pickFeatureProperties}). */
    public static final List<String> METADATA_PROPERTIES = List.of("onCreateCommand", "updateContentCommand",
            "postCreateCommand", "postStartCommand", "postAttachCommand", "init", "privileged", "capAdd", "securityOpt",
            "entrypoint", "mounts", "customizations");

    /**
     * One Feature to install.
     *
     * @param options every option with a value, by name
     * @param folderName its folder in the build, {@code <id>_<position>} (the CLI's {@code consecutiveId})
     */
    public record Installed(String userFeatureId, FeatureSource source, FeatureDefinition definition,
            Map<String, String> options, String folderName) {
        public Installed {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /** Its entry in the image's {@code devcontainer.metadata} label: {@code id} as named, then what it adds to the container. */
        public ObjectNode metadataEntry() {
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("id", userFeatureId);
            for (String property : METADATA_PROPERTIES) {
                JsonNode value = definition.json().get(property);
                if (value != null && !value.isNull()) {
                    entry.set(property, value.deepCopy());
                }
            }
            return entry;
        }

        /** Its {@code containerEnv}, which the build sets with ENV before installing it. */
        public Map<String, String> containerEnv() {
            Map<String, String> env = new LinkedHashMap<>();
            definition.json().path("containerEnv").fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
            return env;
        }
    }

    private Features() {
    }

    /**
     * {@link #plan(ObjectNode, Path, Path, FeatureRegistry)} for callers that read local Features only
     * ({@link FeatureRegistry#NONE}: a Feature from a registry fails, saying so).
     *
     * @throws FeatureException as that method, and for any Feature from a registry
     */
    public static List<Installed> plan(ObjectNode config, Path configFolder, Path devcontainerFolder) throws FeatureException {
        return plan(config, configFolder, devcontainerFolder, FeatureRegistry.NONE);
    }

    /**
     * @param config devcontainer.json
     * @param configFolder its folder, which local Feature paths are relative to
     * @param devcontainerFolder the {@code .devcontainer} folder a local Feature must stay inside
     * @param registry where Features published to OCI registries come from
     * @return empty when devcontainer.json names no Features
     * @throws FeatureException when a Feature cannot be read or fetched, is of a kind this version
     *     does not fetch, has an unknown or mistyped option, or the dependencies form a cycle
     */
    public static List<Installed> plan(ObjectNode config, Path configFolder, Path devcontainerFolder, FeatureRegistry registry)
            throws FeatureException {
        List<Installed> installed = new ArrayList<>();
        for (FeatureInstallOrder.Planned planned : order(config, configFolder, devcontainerFolder, registry)) {
            installed.add(new Installed(planned.userFeatureId(), planned.source(), planned.definition(),
                    FeatureOptions.resolve(planned.definition(), planned.options(), planned.userFeatureId()),
                    planned.definition().id() + "_" + installed.size()));
        }
        return installed;
    }

    /** {@link #order(ObjectNode, Path, Path, FeatureRegistry)} of local Features only. */
    static List<FeatureInstallOrder.Planned> order(ObjectNode config, Path configFolder, Path devcontainerFolder)
            throws FeatureException {
        return order(config, configFolder, devcontainerFolder, FeatureRegistry.NONE);
    }

    /** The Features in install order, their options as given ({@link #plan} without resolving the options). */
    static List<FeatureInstallOrder.Planned> order(ObjectNode config, Path configFolder, Path devcontainerFolder,
            FeatureRegistry registry) throws FeatureException {
        JsonNode features = config.path("features");
        if (features.isMissingNode() || features.isNull() || features.isEmpty()) {
            return List.of();
        }
        if (!features.isObject()) {
            throw new FeatureException("devcontainer.json's \"features\" is not an object of Feature ids and their options");
        }
        Map<String, JsonNode> named = new LinkedHashMap<>();
        features.fields().forEachRemaining(f -> named.put(f.getKey(), f.getValue()));
        List<String> override = new ArrayList<>();
        config.path("overrideFeatureInstallOrder").forEach(v -> override.add(v.asText()));
        FeatureInstallOrder.Catalog catalog = new FeatureInstallOrder.Catalog() {
            @Override
            public FeatureSource source(String userFeatureId) throws FeatureException {
                FeatureSource source = FeatureSource.parse(userFeatureId, configFolder, devcontainerFolder);
                if (source instanceof FeatureSource.Oci oci) {
                    return oci.resolved(registry.manifest(userFeatureId, oci.ref()));
                }
                return source;
            }

            @Override
            public FeatureDefinition definition(String userFeatureId, FeatureSource source) throws FeatureException {
                if (source instanceof FeatureSource.Local local) {
                    return FeatureDefinition.read(local.folder(), userFeatureId);
                }
                if (source instanceof FeatureSource.Oci oci) {
                    return FeatureDefinition.read(registry.files(userFeatureId, oci.ref(), oci.manifest()), userFeatureId);
                }
                throw new FeatureException("The Feature \"" + userFeatureId + "\" comes from " + source.describe()
                        + ", and this version of the plugin fetches Features from OCI registries and local folders, not"
                        + " from tarball URLs: publish it to a registry (devcontainer features publish), or copy its folder"
                        + " into .devcontainer/ and name it \"./<folder>\"");
            }
        };
        return FeatureInstallOrder.compute(named, override, catalog);
    }
}
