package io.github.dind.devcontainer.mojo;

/**
 * A {@code <check>} in the pom's {@code <checks>}: a shell command verify runs inside the
 * devcontainer, expecting an exit code.
 *
 * <pre>{@code
 * <checks>
 *   <check>
 *     <name>maven</name>
 *     <command>mvn --version</command>
 *   </check>
 * </checks>
 * }</pre>
 */
public class CommandCheckConfig {
    /** A short name, shown in the report; {@code -Ddevcontainer.verify.only=command:NAME} selects it. */
    private String name;
    /** Run with {@code /bin/sh -c} as root. */
    private String command;
    /** Default 0. */
    private int expectedExitCode;
    /** Seconds; default 60. */
    private int timeoutSeconds = 60;

    public String getName() {
        return name;
    }

    public String getCommand() {
        return command;
    }

    public int getExpectedExitCode() {
        return expectedExitCode;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }
}
