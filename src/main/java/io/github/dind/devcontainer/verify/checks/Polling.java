package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerException;
import java.util.Locale;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Retries an observation until it passes or its deadline passes, and gives up at once when the
 * container has stopped running: waiting for a dead container helps nobody. Whether it still runs
 * is asked (an inspect call) after an attempt that failed with a {@link ContainerException} — an
 * exec into a stopped container fails so (a 409) — and otherwise at most every
 * {@link #RUNNING_INTERVAL}: an attempt whose exec ran saw the container running.
 */
public final class Polling {
    static final Duration RUNNING_INTERVAL = Duration.ofMillis(500);

    private Polling() {
    }

    static Observation until(Container container, Duration timeout, Duration interval, Supplier<Observation> attempt) {
        return until(container, timeout, interval, attempt, () -> false);
    }

    /**
     * @param hopeless says, after a failed attempt, that no later attempt can pass: stop early
     */
    static Observation until(Container container, Duration timeout, Duration interval, Supplier<Observation> attempt,
            BooleanSupplier hopeless) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long askedRunning = System.nanoTime();
        Observation last = Observation.fail("no attempt finished");
        while (true) {
            long attemptStart = System.nanoTime();
            boolean threw = false;
            try {
                last = attempt.get();
                if (last.passed()) {
                    return last;
                }
            } catch (ContainerException e) {
                last = Observation.fail(e.getMessage());
                threw = true;
            }
            boolean ask = threw || System.nanoTime() - askedRunning >= RUNNING_INTERVAL.toNanos()
                    || System.nanoTime() >= deadline;
            if (ask) {
                askedRunning = System.nanoTime();
            }
            if (ask && !container.isRunning()) {
                return Observation.fail("the container stopped (" + container.state() + "); last seen: " + last.detail());
            }
            if (hopeless.getAsBoolean()) {
                return last;
            }
            if (System.nanoTime() >= deadline) {
                return Observation.fail("not within " + seconds(timeout) + "; last seen: " + last.detail());
            }
            long wait = interval.toNanos() - (System.nanoTime() - attemptStart);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Observation.fail("interrupted; last seen: " + last.detail());
                }
            }
        }
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
