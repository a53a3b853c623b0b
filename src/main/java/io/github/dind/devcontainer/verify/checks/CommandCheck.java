package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;

/** A check from the pom: a shell command run inside, expected to exit with a given code. */
final class CommandCheck extends AbstractCheck {
    private final String command;
    private final int expectedExitCode;

    CommandCheck(String name, String command, int expectedExitCode, Duration timeout) {
        super("command:" + name, name + ": `" + command + "` exits with " + expectedExitCode, timeout);
        this.command = command;
        this.expectedExitCode = expectedExitCode;
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
