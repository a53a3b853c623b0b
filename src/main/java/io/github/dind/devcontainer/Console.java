package io.github.dind.devcontainer;

/** Where the plugin's services report progress: the Maven log in a build, a recorder in tests. */
public interface Console {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A console that drops everything. */
    static Console silent() {
        return new Console() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
