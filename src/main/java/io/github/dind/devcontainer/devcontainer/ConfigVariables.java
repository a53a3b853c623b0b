package io.github.dind.devcontainer.devcontainer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${...}} variables a devcontainer client substitutes in devcontainer.json on the host,
 * before it builds: devcontainers/cli {@code src/spec-common/variableSubstitution.ts},
 * {@code replaceWithContext}, applied by {@code readDevContainerConfigFile} to the whole file.
 *
 * <ul>
 * <li>{@code ${localEnv:NAME}} and its alias {@code ${env:NAME}}: the variable of the environment
 *     Maven runs in; {@code ${localEnv:NAME:default}} gives the default when it is not set (the
 *     default ends at the next colon, as the CLI splits the variable at every colon); unset and no
 *     default: the empty string. No name ({@code ${localEnv}}) is an error, as in the CLI.</li>
 * <li>{@code ${localWorkspaceFolder}}: the folder a client opens (the top-level project's);
 *     {@code ${localWorkspaceFolderBasename}}: its last name.</li>
 * <li>Refused, because they are not known before a client starts a container:
 *     {@code ${containerWorkspaceFolder}} and {@code ${containerWorkspaceFolderBasename}} (where a
 *     client mounts the workspace: VS Code mounts the Git root, {@code devcontainer build} the
 *     folder), {@code ${devcontainerId}} (a hash of the container's labels, which
 *     {@code devcontainer up} substitutes and {@code devcontainer build} leaves as written).</li>
 * <li>Anything else ({@code ${containerEnv:PATH}}, {@code ${foo}}) stays as written, as the CLI
 *     leaves it.</li>
 * </ul>
 */
public final class ConfigVariables {
    /** The CLI's {@code VARIABLE_REGEXP}, {@code /\$\{(.*?)\}/g}: the shortest text up to a closing brace, no line break. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(.*?)}");
    private static final Set<String> CONTAINER_ONLY = Set.of("containerWorkspaceFolder",
            "containerWorkspaceFolderBasename", "devcontainerId");

    private final Map<String, String> environment;
    private final Path localWorkspaceFolder;

    /**
     * @param environment the environment ({@code System.getenv()}: on Windows its lookups ignore
     *     case, as the CLI's do there)
     * @param localWorkspaceFolder the folder a client opens
     */
    public ConfigVariables(Map<String, String> environment, Path localWorkspaceFolder) {
        this.environment = Objects.requireNonNull(environment);
        this.localWorkspaceFolder = Objects.requireNonNull(localWorkspaceFolder);
    }

    /** Why a variable cannot be substituted, as a phrase after its name. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The value with every variable the CLI substitutes on the host replaced.
     *
     * @throws Refused naming the variable, when it is one only a started container knows, or a
     *     {@code localEnv} without a name
     */
    public String substitute(String value) throws Refused {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replace(m.group(), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replace(String match, String variable) throws Refused {
        String[] parts = variable.split(":", -1);
        String name = parts[0];
        switch (name) {
            case "env", "localEnv" -> {
                if (parts.length < 2) {
                    throw new Refused(match + " names no environment variable (write ${localEnv:NAME})");
                }
                String set = environment.get(parts[1]);
                if (set != null) {
                    return set;
                }
                return parts.length > 2 ? parts[2] : "";
            }
            case "localWorkspaceFolder" -> {
                return localWorkspaceFolder.toString();
            }
            case "localWorkspaceFolderBasename" -> {
                Path last = localWorkspaceFolder.getFileName();
                return last == null ? "" : last.toString();
            }
            default -> {
                if (CONTAINER_ONLY.contains(name)) {
                    throw new Refused(match + " is known only once a client starts the container (it depends on how"
                            + " that client mounts the workspace and labels the container), not when the image is built");
                }
                return match;
            }
        }
    }
}
