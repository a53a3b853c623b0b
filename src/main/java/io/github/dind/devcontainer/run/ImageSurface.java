package io.github.dind.devcontainer.run;

import java.util.List;
import java.util.Map;

/**
 * What anyone who pulls an image can read without running it: the {@code created_by} of each of its
 * history entries ({@code docker history --no-trunc}, Engine API {@code GET /images/{name}/history};
 * newest first, as docker history prints them, the base image's entries included), and its
 * configuration's environment and labels ({@code docker image inspect}, {@code .Config.Env},
 * {@code .Config.Labels}; the {@code devcontainer.metadata} label among them).
 *
 * @param history each entry's {@code created_by}, newest first; an entry without one is an empty string
 * @param env {@code NAME=value} entries, as the image records them
 * @param labels name to value
 */
public record ImageSurface(List<String> history, List<String> env, Map<String, String> labels) {
    public ImageSurface {
        history = List.copyOf(history);
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
    }
}
