package io.github.dind.devcontainer.devcontainer;

import java.util.List;
import java.util.Map;

/**
 * What a client reads from the image before it starts it: its ENTRYPOINT and CMD (appended to the
 * client's script when {@code overrideCommand} is false) and its USER (the remote user when
 * devcontainer.json names none). From {@code docker image inspect}, {@code .Config}.
 *
 * @param user the image's USER; empty or null for root
 * @param labels the image's labels ({@code .Config.Labels}), among them {@link ImageMetadata#LABEL}
 * @param id the image's id ({@code sha256:...}, {@code .Id}): its content, config included; null when unknown
 */
public record ImageConfig(List<String> entrypoint, List<String> cmd, String user, Map<String, String> labels, String id) {
    public ImageConfig {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** An image of unknown id. */
    public ImageConfig(List<String> entrypoint, List<String> cmd, String user, Map<String, String> labels) {
        this(entrypoint, cmd, user, labels, null);
    }

    /** An image without labels. */
    public ImageConfig(List<String> entrypoint, List<String> cmd, String user) {
        this(entrypoint, cmd, user, Map.of());
    }
}
