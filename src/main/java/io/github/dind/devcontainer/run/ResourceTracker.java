package io.github.dind.devcontainer.run;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.run.Resources.Kind;
import io.github.dind.devcontainer.run.Resources.Labelled;
import io.github.dind.devcontainer.run.Resources.Removal;
import io.github.dind.devcontainer.run.Resources.Resource;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * Every container and volume one verify execution creates, and the one place that removes them —
 * in the style of Testcontainers' {@code ResourceReaper}. Resources are labelled with the run, its
 * owner ({@link Owner}: host name, host id, PID namespace, PID) and the role; they are registered
 * before the call that creates them, so a create that times out is still removed.
 *
 * <ul>
 *   <li>The registry is concurrent: the Maven thread adds, the shutdown hook reads.</li>
 *   <li>One JVM shutdown hook for all trackers (Ctrl-C, SIGTERM) first tells each run to stop: it
 *       records the cause ({@link StopSignals}: SIGINT, SIGTERM) and interrupts the thread that
 *       opened the tracker, so the checks stop at once and the run reports itself interrupted and
 *       removes what it made. It waits for that up to {@link #STOP_GRACE}, then removes what is still
 *       registered and whatever else carries a live tracker's run label (a create still in flight).</li>
 *   <li>One cleaner ({@link #remove}) serves this run and the leftovers of dead runs: "no such
 *       resource" and 409 "removal already in progress" count as done, and a volume still in use
 *       by a container being removed is retried here and nowhere else.</li>
 *   <li>A resource registered as kept carries {@link #KEPT}; it is never removed by the
 *       tracker, the hook or any later sweep, and only then does the log say "kept".</li>
 * </ul>
 *
 * <p>Its length is the lifecycle of what verify creates (register, release, discard, the shutdown
 * hook, the leftover sweep), which must stay in one place to be right under Ctrl-C and concurrent
 * runs.
 */
public final class ResourceTracker implements AutoCloseable {
    public static final String RUN_ID = "io.github.dind.devcontainer.run-id";
    public static final String OWNER = "io.github.dind.devcontainer.owner";
    public static final String ROLE = "io.github.dind.devcontainer.role";
    public static final String ROLE_VERIFY = "verify";
    public static final String KEPT = "io.github.dind.devcontainer.kept";

    static final int VOLUME_ATTEMPTS = 50;
    /** How long the shutdown hook waits for stopped runs to clean up after themselves. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Set<ResourceTracker> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final Resources resources;
    private final Console console;
    private final Owner owner;
    private final LongPredicate alive;
    private final Duration volumeRetry;
    private final String runId = UUID.randomUUID().toString();
    private final Map<Resource, Boolean> registry = new ConcurrentHashMap<>();
    private final Thread worker;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String stoppedBy;

    ResourceTracker(Resources resources, Console console, Owner owner, LongPredicate alive, Duration volumeRetry) {
        this.resources = resources;
        this.console = console;
        this.owner = owner;
        this.alive = alive;
        this.volumeRetry = volumeRetry;
        this.worker = Thread.currentThread();
    }

    /**
     * A tracker for this JVM, covered by the shared shutdown hook until {@link #close()}; the calling
     * thread is the run's, the one the hook interrupts.
     */
    public static ResourceTracker open(Resources resources, Console console) {
        ResourceTracker tracker = new ResourceTracker(resources, console, Owner.current(), Owner::alive,
                Duration.ofMillis(100));
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            StopSignals.install();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdownAll(StopSignals.cause(), STOP_GRACE),
                    "devcontainer-resource-tracker"));
        }
        tracker.track();
        return tracker;
    }

    /** Puts this tracker under the shutdown hook's care. */
    void track() {
        LIVE.add(this);
    }

    /** The shutdown hook: stops every run, gives them {@code grace} to clean up, removes what is left. */
    static void shutdownAll(String cause, Duration grace) {
        List<ResourceTracker> running = List.copyOf(LIVE);
        running.forEach(tracker -> tracker.stop(cause));
        long deadline = System.nanoTime() + grace.toNanos();
        for (ResourceTracker tracker : running) {
            tracker.awaitClose(deadline);
        }
        for (ResourceTracker tracker : LIVE) {
            tracker.shutdown("Maven is stopping (" + cause + ")");
        }
    }

    /** Records why the run must stop and interrupts its thread. */
    void stop(String cause) {
        stoppedBy = cause;
        worker.interrupt();
    }

    /** Why the run was told to stop ("SIGINT", "SIGTERM", "a JVM shutdown"); empty while it may go on. */
    public Optional<String> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    private void awaitClose(long deadline) {
        try {
            closed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The labels for a new resource of this run; {@code kept} adds {@link #KEPT}. */
    public Map<String, String> labels(boolean kept) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of(RUN_ID, runId, OWNER, owner.label(), ROLE, ROLE_VERIFY));
        if (kept) {
            labels.put(KEPT, "true");
        }
        return labels;
    }

    /** Eight hex digits of a fresh id, for resource names. */
    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records a resource before the call that creates it. */
    public void register(Resource resource, boolean kept) {
        registry.put(resource, kept);
    }

    /** Whether the resource is registered; false once released, discarded or removed by the hook. */
    public boolean isRegistered(Resource resource) {
        return registry.containsKey(resource);
    }

    /**
     * Done with these: removes those not kept (containers first), forgets all of them. Works on an
     * interrupted thread too (a stopped run cleans up).
     */
    public void release(Collection<Resource> done) {
        withInterruptSetAside(() -> {
            for (Resource resource : containersFirst(done)) {
                Boolean kept = registry.remove(resource);
                if (Boolean.FALSE.equals(kept)) {
                    remove(resource);
                }
            }
        });
    }

    /** Removes these even when kept: a launch that failed leaves nothing to debug. Works on an interrupted thread too. */
    public void discard(Collection<Resource> failed) {
        withInterruptSetAside(() -> {
            for (Resource resource : containersFirst(failed)) {
                registry.remove(resource);
                remove(resource);
            }
        });
    }

    /**
     * Runs the removal with the thread's interrupt set aside, so the daemon calls are not cut short
     * (docker-java's waits throw on an interrupted thread), and restores it after.
     */
    private static void withInterruptSetAside(Runnable removal) {
        boolean interrupted = Thread.interrupted();
        try {
            removal.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes everything still registered and not kept; the hook no longer covers this tracker. */
    @Override
    public void close() {
        LIVE.remove(this);
        try {
            release(List.copyOf(registry.keySet()));
        } finally {
            closed.countDown();
        }
    }

    /** The shutdown hook's work for this tracker; says what it removes and what it keeps. */
    void shutdown(String reason) {
        List<Resource> all = containersFirst(registry.keySet());
        for (Resource resource : all) {
            if (Boolean.TRUE.equals(registry.get(resource))) {
                console.warn(reason + ": keeping " + describe(resource) + " (kept for debugging). Remove it with: "
                        + command(resource));
            } else if (resource.kind() == Kind.CONTAINER) {
                console.warn(reason + ": removing the verification container " + resource.name());
            }
        }
        release(all);
        try {
            List<Resource> inFlight = resources.list(RUN_ID + "=" + runId).stream()
                    .filter(l -> !"true".equals(l.labels().get(KEPT))).map(Labelled::resource).toList();
            containersFirst(inFlight).forEach(this::remove);
        } catch (RuntimeException e) {
            console.warn("Could not list the resources labelled " + RUN_ID + "=" + runId + ": " + Errors.rootMessage(e)
                    + ". Check with: docker ps -a --filter label=" + RUN_ID + "=" + runId);
        }
    }

    /**
     * Removes what earlier runs left behind when their JVM was killed outright ({@code kill -9}, a
     * crash), where no hook runs: resources labelled with the role {@link #ROLE_VERIFY}, not
     * {@link #KEPT}, whose owner label names this host name, this host id and this PID namespace
     * (all known) and a PID that is not alive here ({@link Owner#isGoneAccordingTo}). On an engine
     * shared by several hosts nothing of another host is touched, even one of the same host name,
     * and labels of an older format are never taken for leftovers ({@link Owner#parse}).
     *
     * @return how many were removed
     * @throws RuntimeException when the daemon cannot list resources (docker-java's exceptions)
     */
    public int sweepLeftovers() {
        List<Resource> leftovers = resources.list(ROLE + "=" + ROLE_VERIFY).stream()
                .filter(l -> isLeftover(l.labels())).map(Labelled::resource).toList();
        int removed = 0;
        for (Resource resource : containersFirst(leftovers)) {
            removed += remove(resource) ? 1 : 0;
        }
        if (removed > 0) {
            console.info("Removed " + removed + " container(s)/volume(s) left by an earlier verify run whose Maven"
                    + " process is gone");
        }
        return removed;
    }

    /** Not kept, and its owner is gone as seen from here. */
    boolean isLeftover(Map<String, String> labels) {
        if ("true".equals(labels.get(KEPT))) {
            return false;
        }
        return Owner.parse(labels.get(OWNER)).map(o -> o.isGoneAccordingTo(owner, alive)).orElse(false);
    }

    /**
     * The one cleaner. Failures are reported with the command that removes the resource by hand,
     * never thrown: cleaning up must not hide the result it follows.
     *
     * @return true when the resource is gone
     */
    boolean remove(Resource resource) {
        for (int attempt = 1; ; attempt++) {
            Removal outcome;
            try {
                outcome = resources.remove(resource);
            } catch (RuntimeException e) {
                console.warn("Could not remove " + describe(resource) + ": " + Errors.rootMessage(e) + ". Remove it with: "
                        + command(resource));
                return false;
            }
            if (outcome != Removal.IN_USE) {
                return true;
            }
            if (attempt >= VOLUME_ATTEMPTS) {
                console.warn("Could not remove " + describe(resource) + ": still in use. Remove it with: " + command(resource));
                return false;
            }
            try {
                Thread.sleep(volumeRetry.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static String describe(Resource resource) {
        return (resource.kind() == Kind.CONTAINER ? "container " : "volume ") + resource.name();
    }

    static String command(Resource resource) {
        return (resource.kind() == Kind.CONTAINER ? "docker rm -f -v " : "docker volume rm ") + resource.name();
    }

    private static List<Resource> containersFirst(Collection<Resource> resources) {
        return resources.stream().sorted(Comparator.comparing(Resource::kind)).toList();
    }
}
