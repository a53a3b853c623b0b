package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.docker.Container;
import io.github.dind.devcontainer.docker.ExecResult;
import java.time.Duration;

/** A check from the pom: a shell command run inside, expected to exit with a given code. */
final class CommandCheck implements Check {
    private final String name;
    private final String command;
    private final int expectedExitCode;
    private final Duration timeout;

    CommandCheck(String name, String command, int expectedExitCode, Duration timeout) {
        this.name = name;
        this.command = command;
        this.expectedExitCode = expectedExitCode;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "command:" + name;
    }

    @Override
    public String description() {
        return name + ": `" + command + "` exits with " + expectedExitCode;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        ExecResult result = container.exec(timeout, "/bin/sh", "-c", command);
        String output = result.output().isEmpty() ? "" : ": " + result.output();
        return result.exitCode() == expectedExitCode
                ? Observation.pass("exit code " + result.exitCode())
                : Observation.fail("exit code " + result.exitCode() + ", expected " + expectedExitCode + output);
    }
}
