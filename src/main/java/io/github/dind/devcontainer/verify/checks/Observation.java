package io.github.dind.devcontainer.verify.checks;

/** What a check saw: passed or not, and the evidence in one line. */
public record Observation(boolean passed, String detail) {
    public static Observation pass(String detail) {
        return new Observation(true, detail);
    }

    public static Observation fail(String detail) {
        return new Observation(false, detail);
    }
}
