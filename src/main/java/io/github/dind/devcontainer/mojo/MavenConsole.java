package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.Console;
import org.apache.maven.plugin.logging.Log;

/** The plugin's console on top of the Maven log. */
final class MavenConsole implements Console {
    private final Log log;

    MavenConsole(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
