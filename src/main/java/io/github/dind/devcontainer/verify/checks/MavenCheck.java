package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code mvn -v} runs for the remote user in a login shell, on the chosen JDK when there is one. */
final class MavenCheck extends AbstractCheck {
    static final String ID = "maven";
    /** The version ends at a space or an escape: Maven 3.9 colours its banner even without a terminal. */
    private static final Pattern MAVEN = Pattern.compile("Apache Maven ([0-9][^\\s\\u001b]*)");
    private static final Pattern JAVA = Pattern.compile("Java version: (?:1\\.)?([0-9]+)");

    private final OptionalInt java;

    MavenCheck(OptionalInt java, Duration timeout) {
        super(ID, "`mvn -v` runs for the remote user" + (java.isPresent() ? " on Java " + java.getAsInt() : ""), timeout);
        this.java = java;
    }

    /** Reads versions in login shells, nothing more. */
    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        ExecResult result = container.execAs(user, timeout, "/bin/sh", "-lc", "mvn -B -v");
        String output = result.stdout() + result.stderr();
        Matcher maven = MAVEN.matcher(output);
        if (!result.succeeded() || !maven.find()) {
            return Observation.fail("`mvn -v` as " + user + " exited with " + result.exitCode() + ": " + result.output());
        }
        Matcher runsOn = JAVA.matcher(output);
        if (java.isPresent() && (!runsOn.find() || Integer.parseInt(runsOn.group(1)) != java.getAsInt())) {
            return Observation.fail("Maven " + maven.group(1) + " does not run on Java " + java.getAsInt() + ": "
                    + result.output());
        }
        return Observation.pass("Apache Maven " + maven.group(1) + (java.isPresent() ? " on Java " + java.getAsInt() : "")
                + " for " + user);
    }
}
