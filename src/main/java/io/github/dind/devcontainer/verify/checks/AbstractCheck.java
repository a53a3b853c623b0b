package io.github.dind.devcontainer.verify.checks;

import java.time.Duration;
import java.util.Set;

/** The parts every check has: its id, what it proves, what it needs first, and its time budget. */
abstract class AbstractCheck implements Check {
    private final String id;
    private final String description;
    private final Set<String> requires;
    protected final Duration timeout;

    AbstractCheck(String id, String description, Set<String> requires, Duration timeout) {
        this.id = id;
        this.description = description;
        this.requires = Set.copyOf(requires);
        this.timeout = timeout;
    }

    /** A check that needs only a running container. */
    AbstractCheck(String id, String description, Duration timeout) {
        this(id, description, Set.of(RunningCheck.ID), timeout);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<String> requires() {
        return requires;
    }
}
