package io.github.dind.devcontainer.run;

/** What a command run inside the container returned. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** stdout and stderr for a message, trimmed and shortened. */
    public String output() {
        String both = (stdout.strip() + "\n" + stderr.strip()).strip();
        return both.length() > 2000 ? both.substring(0, 2000) + "..." : both;
    }
}
