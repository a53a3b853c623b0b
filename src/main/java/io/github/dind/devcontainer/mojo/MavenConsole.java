package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Setting;
import org.apache.maven.plugin.logging.Log;

/** The services' console on the Maven log; settings the core mentions are named as a Maven user sets them. */
final class MavenConsole implements Console {
    private final Log log;
    private final Setting.Renderer settings;

    MavenConsole(Log log, Setting.Renderer settings) {
        this.log = log;
        this.settings = settings;
    }

    @Override
    public void info(String message) {
        log.info(Setting.render(message, settings));
    }

    @Override
    public void warn(String message) {
        log.warn(Setting.render(message, settings));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(Setting.render(message, settings));
        }
    }
}
