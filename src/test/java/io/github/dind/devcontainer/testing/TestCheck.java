package io.github.dind.devcontainer.testing;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.verify.checks.Check;
import io.github.dind.devcontainer.verify.checks.Observation;
import io.github.dind.devcontainer.verify.checks.Timings;
import java.util.Set;

/** A check for tests of the runner: an id, what it requires, whether it may overlap, and what it does. */
public final class TestCheck implements Check {
    /** What the check does when run. */
    @FunctionalInterface
    public interface Body {
        Observation run() throws Exception;
    }

    private final String id;
    private final String description;
    private final Set<String> requires;
    private final boolean concurrent;
    private final Body body;

    private TestCheck(String id, String description, Set<String> requires, boolean concurrent, Body body) {
        this.id = id;
        this.description = description;
        this.requires = requires;
        this.concurrent = concurrent;
        this.body = body;
    }

    /** A check described by its id, requiring nothing, run alone. */
    public static TestCheck of(String id, Body body) {
        return new TestCheck(id, id, Set.of(), false, body);
    }

    public TestCheck described(String text) {
        return new TestCheck(id, text, requires, concurrent, body);
    }

    public TestCheck requiring(Set<String> ids) {
        return new TestCheck(id, description, Set.copyOf(ids), concurrent, body);
    }

    public TestCheck concurrent(boolean may) {
        return new TestCheck(id, description, requires, may, body);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<String> requires() {
        return requires;
    }

    @Override
    public boolean concurrent() {
        return concurrent;
    }

    @Override
    public Observation run(Container container, Timings timings) throws Exception {
        return body.run();
    }
}
