package io.github.dind.devcontainer.devcontainer;

import io.github.dind.devcontainer.DevcontainerException;
import java.nio.file.Path;

/**
 * A devcontainer.json property the plugin cannot read or will not honour: names the file and the
 * property (in the spec's dotted form, {@code build.options}), and says why and what to do.
 */
public final class DevcontainerJsonException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String property;

    /**
     * @param file the devcontainer.json
     * @param property the property, {@code build.args} or {@code build.options}; null for the file as a whole
     * @param problem what is wrong and how to fix it, a sentence or more
     */
    public DevcontainerJsonException(Path file, String property, String problem) {
        super((property == null ? "" : property + " in ") + file + ": " + problem);
        this.file = file;
        this.property = property;
    }

    public Path file() {
        return file;
    }

    public String property() {
        return property;
    }
}
