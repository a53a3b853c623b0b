package io.github.dind.devcontainer;

/** Where the plugin's services report progress: the Maven log in a build, a recorder in tests. */
public interface Console {
    void info(String message);

    void warn(String message);

    void debug(String message);
}
