package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.docker.Container;
import io.github.dind.devcontainer.docker.ExecResult;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK generate chose is the one the remote user gets: in a login shell (as a terminal in the
 * editor starts), {@code java} and {@code $JAVA_HOME/bin/javac} both report that feature version.
 */
final class JavaCheck extends AbstractCheck {
    static final String ID = "java";
    /** {@code openjdk version "21.0.5" ...}, {@code javac 21.0.5}, {@code version "1.8.0_432"}. */
    private static final Pattern VERSION = Pattern.compile("(?:version \"|javac )(?:1\\.)?([0-9]+)");

    private final int expected;

    JavaCheck(int expected, Duration timeout) {
        super(ID, "java and $JAVA_HOME/bin/javac are JDK " + expected + " for the remote user", timeout);
        this.expected = expected;
    }

    /** Reads versions in login shells, nothing more. */
    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public Observation run(Container container, Timings timings) {
        String user = container.remoteUser();
        ExecResult java = container.execAs(user, timeout, "/bin/sh", "-lc", "java -version 2>&1");
        ExecResult javac = container.execAs(user, timeout, "/bin/sh", "-lc", "\"$JAVA_HOME/bin/javac\" -version 2>&1");
        OptionalInt javaVersion = major(java);
        OptionalInt javacVersion = major(javac);
        if (javaVersion.isEmpty()) {
            return Observation.fail("`java -version` as " + user + " exited with " + java.exitCode() + ": " + java.output());
        }
        if (javacVersion.isEmpty()) {
            return Observation.fail("`$JAVA_HOME/bin/javac -version` as " + user + " exited with " + javac.exitCode() + ": "
                    + javac.output());
        }
        if (javaVersion.getAsInt() != expected || javacVersion.getAsInt() != expected) {
            return Observation.fail("java is " + javaVersion.getAsInt() + " and $JAVA_HOME/bin/javac is "
                    + javacVersion.getAsInt() + ", expected " + expected);
        }
        return Observation.pass("java " + expected + ", javac " + expected + " for " + user);
    }

    static OptionalInt major(ExecResult result) {
        if (!result.succeeded()) {
            return OptionalInt.empty();
        }
        Matcher m = VERSION.matcher(result.stdout() + result.stderr());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
