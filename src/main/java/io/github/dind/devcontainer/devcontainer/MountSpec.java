package io.github.dind.devcontainer.devcontainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of devcontainer.json's {@code mounts}, in either of the spec's forms: a string in the
 * docker CLI's {@code --mount} syntax ({@code source=x,target=/y,type=volume}) or an object
 * {@code {"source", "target", "type"}}. The devcontainer CLI passes a string through unchanged and
 * writes an object as {@code type=T,src=S,dst=D} (devcontainers/cli, dockerfileUtils.ts
 * {@code generateMountCommand}).
 *
 * @param type {@code volume} (docker's default when a string names none), {@code bind} or {@code tmpfs}
 * @param source the volume name or host path; null for an anonymous volume or tmpfs
 * @param target the path inside the container; null when the entry names none
 * @param mountArgument the argument the devcontainer CLI gives {@code docker run --mount}
 */
public record MountSpec(String type, String source, String target, String mountArgument) {

    /** Reads the string form; unknown options are kept in {@link #mountArgument()} only. */
    public static MountSpec parse(String spec) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            options.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return new MountSpec(options.getOrDefault("type", "volume"), first(options, "source", "src"),
                first(options, "target", "dst", "destination"), spec);
    }

    /** The object form, written as the devcontainer CLI writes it. */
    public static MountSpec of(String type, String source, String target) {
        return new MountSpec(type, source, target,
                "type=" + type + "," + (source == null || source.isEmpty() ? "" : "src=" + source + ",") + "dst=" + target);
    }

    public boolean isVolume() {
        return "volume".equals(type) && target != null;
    }

    public boolean isBind() {
        return "bind".equals(type);
    }

    private static String first(Map<String, String> options, String... keys) {
        for (String key : List.of(keys)) {
            if (options.containsKey(key)) {
                return options.get(key);
            }
        }
        return null;
    }
}
