package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JDK generate chose is the one the remote user gets: in a login shell (as a terminal in the
 * editor starts), {@code java} and {@code $JAVA_HOME/bin/javac} both report that feature version.
 * When generate listed JDKs for Maven toolchains, the remote user's {@code ~/.m2/toolchains.xml}
 * lists each, and each listed {@code jdkHome}'s {@code javac} reports its version.
 */
final class JavaCheck extends AbstractCheck {
    static final String ID = "java";
    /** {@code openjdk version "21.0.5" ...}, {@code javac 21.0.5}, {@code version "1.8.0_432"}. */
    private static final Pattern VERSION = Pattern.compile("(?:version \"|javac )(?:1\\.)?([0-9]+)");
    /** Marks where each JDK's output starts in the one exec that asks them all. */
    private static final String HOME_MARK = "== jdkHome ";

    private final int expected;
    private final List<Integer> toolchains;

    /**
     * @param toolchains the JDKs toolchains.xml must list (the default one included); empty for none
     */
    JavaCheck(int expected, List<Integer> toolchains, Duration timeout) {
        super(ID, "java and $JAVA_HOME/bin/javac are JDK " + expected + " for the remote user"
                + (toolchains.isEmpty() ? "" : "; ~/.m2/toolchains.xml lists JDK "
                        + toolchains.stream().map(String::valueOf).collect(Collectors.joining(", "))), timeout);
        this.expected = expected;
        this.toolchains = List.copyOf(toolchains);
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
        String passed = "java " + expected + ", javac " + expected + " for " + user;
        return toolchains.isEmpty() ? Observation.pass(passed) : toolchains(container, user, passed);
    }

    private Observation toolchains(Container container, String user, String passed) {
        ExecResult file = container.execAs(user, timeout, "/bin/sh", "-lc", "cat \"$HOME/.m2/toolchains.xml\"");
        if (!file.succeeded()) {
            return Observation.fail("~/.m2/toolchains.xml of " + user + " cannot be read: " + file.output());
        }
        Map<Integer, String> listed;
        try {
            listed = ToolchainsXml.jdks(file.stdout());
        } catch (IOException e) {
            return Observation.fail("~/.m2/toolchains.xml of " + user + " is " + e.getMessage());
        }
        List<Integer> missing = toolchains.stream().filter(v -> !listed.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            return Observation.fail("~/.m2/toolchains.xml of " + user + " lists no JDK " + missing + " (it lists "
                    + listed.keySet() + ")");
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "for home; do echo \"" + HOME_MARK + "$home\"; \"$home/bin/javac\" -version 2>&1; done", "sh"));
        toolchains.forEach(v -> command.add(listed.get(v)));
        ExecResult versions = container.execAs(user, timeout, command.toArray(String[]::new));
        String[] parts = (versions.stdout() + versions.stderr()).split(Pattern.quote(HOME_MARK));
        for (int v : toolchains) {
            String home = listed.get(v);
            OptionalInt found = OptionalInt.empty();
            for (String part : parts) {
                if (part.startsWith(home + "\n")) {
                    found = major(new ExecResult(0, part.substring(home.length()), ""));
                }
            }
            if (found.isEmpty() || found.getAsInt() != v) {
                return Observation.fail("toolchains.xml's JDK " + v + " at " + home + ": its javac reports "
                        + (found.isPresent() ? found.getAsInt() : "no version") + ": " + versions.output());
            }
        }
        return Observation.pass(passed + "; toolchains.xml: " + toolchains.stream()
                .map(v -> "JDK " + v + " at " + listed.get(v)).collect(Collectors.joining(", ")));
    }

    static OptionalInt major(ExecResult result) {
        if (!result.succeeded()) {
            return OptionalInt.empty();
        }
        Matcher m = VERSION.matcher(result.stdout() + result.stderr());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
