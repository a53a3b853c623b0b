package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.Renderer;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.features.Features;
import java.util.List;
import java.io.IOException;

/**
 * How clients start an image that comes without a devcontainer.json: as the plugin's own
 * devcontainer.json would say, rendered from the bundled template with the default configuration,
 * so the fallback can never drift from what {@code generate} writes.
 */
public final class PluginDefaults {
    private PluginDefaults() {
    }

    /**
     * @throws IllegalStateException when the bundled template does not render or parse: a defect of
     *     the plugin itself, which the unit tests catch
     */
    public static LaunchSettings launchSettings() {
        try {
            GenerateRequest request = GenerateRequest.builder().name("devcontainer").build();
            String devcontainerJson = null;
            com.fasterxml.jackson.databind.node.ObjectNode dind = null;
            for (GeneratedFile file : new Renderer(null).render(request)) {
                if (file.fileName().equals("devcontainer.json")) {
                    devcontainerJson = file.body();
                } else if (file.fileName().equals("dind/devcontainer-feature.json")) {
                    dind = ImageMetadata.configObject(file.body(), "the plugin's own dind Feature");
                }
            }
            if (devcontainerJson == null || dind == null) {
                throw new IllegalStateException("the bundled templates render no devcontainer.json or dind Feature");
            }
            // the dind Feature's entry as a client records it: its id as named, what it adds
            com.fasterxml.jackson.databind.node.ObjectNode entry = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode().put("id", "./dind");
            for (String property : Features.METADATA_PROPERTIES) {
                if (dind.has(property)) {
                    entry.set(property, dind.get(property));
                }
            }
            return LaunchSettings.merged(List.of(entry), devcontainerJson, "the plugin's own devcontainer.json");
        } catch (IOException | io.github.dind.devcontainer.DevcontainerException e) {
            throw new IllegalStateException("The plugin's own devcontainer.json does not render: " + e.getMessage(), e);
        }
    }
}
