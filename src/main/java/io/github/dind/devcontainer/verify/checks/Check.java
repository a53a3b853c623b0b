package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.util.Set;

/** One thing the verification proves about the running devcontainer. */
public interface Check {
    /** A short stable id, used by {@code -Ddevcontainer.verify.only=...} and in the report. */
    String id();

    /** What passing proves, as a sentence fragment: {@code PID 1 is dumb-init}. */
    String description();

    /** Checks that must pass first; when one of them failed, this one is skipped. */
    default Set<String> requires() {
        return Set.of(RunningCheck.ID);
    }

    /**
     * Whether this check may run alongside its neighbours in the catalog that may too: it creates
     * only what it names uniquely, changes nothing another check observes, and does not stop,
     * start or kill the container. {@link Verifier} runs such neighbours at once (see
     * {@link CheckBatches}); the others run alone, in order.
     */
    default boolean concurrent() {
        return false;
    }

    /**
     * Observes the container. Each check bounds its own time (its polling deadline, its exec
     * timeouts). An exception counts as a failure with the exception's message.
     */
    Observation run(Container container, Timings timings) throws Exception;
}
