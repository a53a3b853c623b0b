package io.github.dind.devcontainer.devcontainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle hook of devcontainer.json in the spec's forms (containers.dev, "Formatting string
 * vs array properties"; devcontainers/cli, injectHeadless.ts {@code runLifecycleCommand}): a string
 * runs through {@code /bin/sh -c}, an array runs as it is (no shell), an object runs each of its
 * entries (each a string or an array) in parallel and fails when any of them fails.
 *
 * @param hook the property, e.g. {@code postCreateCommand}
 * @param entries the argv of each command; the single command of a string or array is named {@code ""}
 * @param parallel true for the object form
 */
public record LifecycleCommand(String hook, Map<String, List<String>> entries, boolean parallel) {
    /** The hooks in the order a client runs them after creating and starting the container. */
    public static final List<String> HOOKS = List.of("onCreateCommand", "updateContentCommand", "postCreateCommand",
            "postStartCommand", "postAttachCommand");

    public LifecycleCommand {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        entries.forEach((name, argv) -> copy.put(name, List.copyOf(argv)));
        entries = java.util.Collections.unmodifiableMap(copy);
    }

    /** A string command: {@code /bin/sh -c command}. */
    public static LifecycleCommand shell(String hook, String command) {
        return new LifecycleCommand(hook, Map.of("", shellArgv(command)), false);
    }

    /** An array command: run as given. */
    public static LifecycleCommand exec(String hook, List<String> argv) {
        return new LifecycleCommand(hook, Map.of("", argv), false);
    }

    static List<String> shellArgv(String command) {
        return List.of("/bin/sh", "-c", command);
    }

    /** For messages: the command line, or {@code name: command; ...} for the object form. */
    public String describe() {
        if (!parallel) {
            return String.join(" ", entries.values().iterator().next());
        }
        StringBuilder out = new StringBuilder();
        entries.forEach((name, argv) -> out.append(out.length() == 0 ? "" : "; ").append(name).append(": ")
                .append(String.join(" ", argv)));
        return out.toString();
    }
}
