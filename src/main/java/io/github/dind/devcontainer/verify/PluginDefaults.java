package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.Renderer;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
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
            for (GeneratedFile file : new Renderer(null).render(request)) {
                if (file.fileName().equals("devcontainer.json")) {
                    return LaunchSettings.parse(file.body(), "the plugin's own devcontainer.json");
                }
            }
            throw new IllegalStateException("the bundled templates render no devcontainer.json");
        } catch (IOException | io.github.dind.devcontainer.DevcontainerException e) {
            throw new IllegalStateException("The plugin's own devcontainer.json does not render: " + e.getMessage(), e);
        }
    }
}
