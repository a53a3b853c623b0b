package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A published Feature's OCI manifest (containers.dev, "Dev Container Features distribution", and
 * devcontainers/cli containerCollectionsOCI.ts): its config has the media type
 * {@value #CONFIG_MEDIA_TYPE}, one layer of media type {@value #LAYER_MEDIA_TYPE} is the tar of the
 * Feature's folder, and the annotation {@value #METADATA_ANNOTATION} carries its
 * devcontainer-feature.json (what {@code devcontainer features publish} writes), which the CLI reads
 * for the install order without fetching the layer.
 *
 * @param digest {@code sha256:<hex>} of the manifest's bytes, computed here (the registry's
 *     {@code Docker-Content-Digest} header is not trusted)
 * @param layerDigest the Feature layer's {@code sha256:<hex>}
 * @param layerSize the layer's size in bytes, as the manifest states it
 * @param metadata the parsed annotation; null when the manifest has none (or it is not JSON)
 */
public record OciManifest(String digest, String layerDigest, long layerSize, ObjectNode metadata) {
    /** The manifest's media type, which the registry is asked for (the Accept header). */
    public static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    /** containerCollectionsOCI.ts {@code DEVCONTAINER_MANIFEST_MEDIATYPE}. */
    public static final String CONFIG_MEDIA_TYPE = "application/vnd.devcontainers";
    /** containerCollectionsOCI.ts {@code DEVCONTAINER_TAR_LAYER_MEDIATYPE}. */
    public static final String LAYER_MEDIA_TYPE = "application/vnd.devcontainers.layer.v1+tar";
    /** The annotation holding devcontainer-feature.json. */
    public static final String METADATA_ANNOTATION = "dev.containers.metadata";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * @param body the manifest as the registry sent it
     * @param feature the Feature as devcontainer.json names it, for messages
     * @throws FeatureException when it is not JSON, or not a Dev Container Feature's manifest (config
     *     media type, no layer of {@value #LAYER_MEDIA_TYPE}, a layer digest that is not sha256)
     */
    public static OciManifest parse(byte[] body, String feature) throws FeatureException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(body);
        } catch (IOException e) {
            throw new FeatureException("The registry's manifest for the Feature \"" + feature + "\" is not JSON: " + e.getMessage(), e);
        }
        String configType = manifest.path("config").path("mediaType").asText("");
        if (!configType.equals(CONFIG_MEDIA_TYPE)) {
            throw new FeatureException("The registry's manifest for the Feature \"" + feature + "\" is not a Dev Container"
                    + " Feature's: its config's media type is \"" + configType + "\", not " + CONFIG_MEDIA_TYPE
                    + " (containers.dev, Features distribution). Check that the reference names a Feature");
        }
        for (JsonNode layer : manifest.path("layers")) {
            if (layer.path("mediaType").asText("").equals(LAYER_MEDIA_TYPE)) {
                String layerDigest = layer.path("digest").asText("");
                if (!OciReference.DIGEST.matcher(layerDigest).matches()) {
                    throw new FeatureException("The registry's manifest for the Feature \"" + feature + "\" gives its layer"
                            + " the digest \"" + layerDigest + "\"; only sha256:<64 hex digits> can be checked");
                }
                return new OciManifest("sha256:" + Sha256.hex(body), layerDigest, layer.path("size").asLong(-1),
                        metadata(manifest.path("annotations").path(METADATA_ANNOTATION)));
            }
        }
        throw new FeatureException("The registry's manifest for the Feature \"" + feature + "\" has no layer of media type "
                + LAYER_MEDIA_TYPE + ": it is not a Dev Container Feature (containers.dev, Features distribution)");
    }

    private static ObjectNode metadata(JsonNode annotation) {
        if (!annotation.isTextual()) {
            return null;
        }
        try {
            return JSONC.readTree(annotation.asText()) instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null; // the CLI's jsonc.parse gives nothing usable either, and falls back to the layer
        }
    }

    /**
     * The Feature's ids from the annotation, as containerFeaturesOrder.ts reads them for the install
     * order: {@code currentId} (else {@code id}), then {@code legacyIds}; empty without an annotation.
     */
    public List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        if (metadata == null) {
            return aliases;
        }
        String current = metadata.path("currentId").asText("");
        aliases.add(current.isEmpty() ? metadata.path("id").asText("") : current);
        metadata.path("legacyIds").forEach(id -> aliases.add(id.asText()));
        return aliases;
    }
}
