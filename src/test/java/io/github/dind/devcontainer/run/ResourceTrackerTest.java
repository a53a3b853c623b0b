package io.github.dind.devcontainer.run;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.run.Resources.Labelled;
import io.github.dind.devcontainer.run.Resources.Removal;
import io.github.dind.devcontainer.run.Resources.Resource;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResourceTrackerTest {
    private static final String HOST_ID = "17597e31-7bed-4095-bbe6-d21c0ddf7272";
    private static final String OTHER_HOST_ID = "6fd5a44b-35f4-4ad4-a9b9-6b9be13e1fe9";
    private static final Owner ME = new Owner("ci-1", HOST_ID, "4026531836", 100);
    private static final Resource CONTAINER = Resource.container("p-verify-1234abcd");
    private static final Resource VOLUME = Resource.volume("p-verify-1234abcd-vol1");

    /** A daemon of labelled resources; scripted outcomes per resource, then REMOVED. */
    static final class FakeResources implements Resources {
        final Map<Resource, Map<String, String>> existing = new HashMap<>();
        final Map<Resource, Deque<Object>> script = new HashMap<>();
        final List<Resource> removals = new ArrayList<>();

        FakeResources add(Resource resource, Map<String, String> labels) {
            existing.put(resource, labels);
            return this;
        }

        FakeResources then(Resource resource, Object... outcomes) {
            script.computeIfAbsent(resource, r -> new ArrayDeque<>()).addAll(List.of(outcomes));
            return this;
        }

        @Override
        public synchronized Removal remove(Resource resource) {
            if (Thread.currentThread().isInterrupted()) { // as docker-java's waits do on an interrupted thread
                throw new IllegalStateException("interrupted");
            }
            removals.add(resource);
            Object next = script.getOrDefault(resource, new ArrayDeque<>()).poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            Removal outcome = next == null ? (existing.containsKey(resource) ? Removal.REMOVED : Removal.GONE) : (Removal) next;
            if (outcome == Removal.REMOVED) {
                existing.remove(resource);
            }
            return outcome;
        }

        @Override
        public synchronized List<Labelled> list(String labelFilter) {
            String[] kv = labelFilter.split("=", 2);
            return existing.entrySet().stream().filter(e -> kv[1].equals(e.getValue().get(kv[0])))
                    .map(e -> new Labelled(e.getKey(), e.getValue())).toList();
        }
    }

    private final FakeResources daemon = new FakeResources();
    private final RecordingConsole console = new RecordingConsole();
    private final ResourceTracker tracker = new ResourceTracker(daemon, console, ME, pid -> pid == 100, Duration.ZERO);

    private static Map<String, String> ownedBy(String owner, boolean kept) {
        Map<String, String> labels = new HashMap<>(Map.of(ResourceTracker.ROLE, "verify", ResourceTracker.OWNER, owner,
                ResourceTracker.RUN_ID, "other-run"));
        if (kept) {
            labels.put(ResourceTracker.KEPT, "true");
        }
        return labels;
    }

    @Test
    void labelsNameTheRunTheOwnerWithItsHostIdAndNamespaceAndTheRole() {
        assertThat(tracker.labels(false)).containsEntry(ResourceTracker.OWNER, "ci-1:" + HOST_ID + ":4026531836:100")
                .containsEntry(ResourceTracker.ROLE, "verify").containsKey(ResourceTracker.RUN_ID)
                .doesNotContainKey(ResourceTracker.KEPT);
        assertThat(tracker.labels(true)).containsEntry(ResourceTracker.KEPT, "true");
    }

    @Test
    void releaseRemovesContainersBeforeVolumesAndForgetsThem() {
        daemon.add(CONTAINER, tracker.labels(false)).add(VOLUME, tracker.labels(false));
        tracker.register(VOLUME, false);
        tracker.register(CONTAINER, false);

        tracker.release(List.of(VOLUME, CONTAINER));

        assertThat(daemon.removals).containsExactly(CONTAINER, VOLUME);
        assertThat(tracker.isRegistered(CONTAINER)).isFalse();
        tracker.close();
        assertThat(daemon.removals).as("nothing removed twice").hasSize(2);
    }

    @Test
    void keptResourcesAreNeverRemovedNorSaidToBeRemoved() {
        daemon.add(CONTAINER, tracker.labels(true));
        tracker.register(CONTAINER, true);

        tracker.shutdown("Maven is stopping");
        tracker.close();

        assertThat(daemon.removals).isEmpty();
        assertThat(console.warn()).singleElement().asString().startsWith("Maven is stopping: keeping container " + CONTAINER.name());
    }

    @Test
    void theShutdownHookRemovesWhatIsRegisteredAndWhatCarriesTheRunLabelButIsNotKept() {
        Resource inFlight = Resource.container("created-after-its-id-was-lost");
        Resource keptOne = Resource.volume("kept-by-label");
        daemon.add(CONTAINER, tracker.labels(false)).add(inFlight, tracker.labels(false)).add(keptOne, tracker.labels(true));
        tracker.register(CONTAINER, false);

        tracker.shutdown("Maven is stopping");

        assertThat(daemon.removals).containsExactly(CONTAINER, inFlight);
        assertThat(console.warn()).containsExactly("Maven is stopping: removing the verification container " + CONTAINER.name());
    }

    @Test
    void aFailedLaunchIsDiscardedEvenWhenItWasToBeKept() {
        tracker.register(CONTAINER, true);
        daemon.add(CONTAINER, tracker.labels(true));

        tracker.discard(List.of(CONTAINER));

        assertThat(daemon.removals).containsExactly(CONTAINER);
    }

    @Test
    void removalAlreadyInProgressAndNoSuchResourceCountAsDone() {
        daemon.then(CONTAINER, Removal.IN_PROGRESS);
        assertThat(tracker.remove(CONTAINER)).isTrue();
        assertThat(tracker.remove(Resource.volume("never-existed"))).isTrue();
        assertThat(console.warn()).isEmpty();
        assertThat(daemon.removals).as("neither is retried").containsExactly(CONTAINER, Resource.volume("never-existed"));
    }

    @Test
    void aVolumeStillInUseIsRetriedInTheOneCleaner() {
        daemon.add(VOLUME, Map.of()).then(VOLUME, Removal.IN_USE, Removal.IN_USE);

        assertThat(tracker.remove(VOLUME)).isTrue();
        assertThat(daemon.removals).containsExactly(VOLUME, VOLUME, VOLUME);

        Resource stuck = Resource.volume("stuck");
        for (int i = 0; i < ResourceTracker.VOLUME_ATTEMPTS; i++) {
            daemon.then(stuck, Removal.IN_USE);
        }
        assertThat(tracker.remove(stuck)).isFalse();
        assertThat(console.warn()).containsExactly("Could not remove volume stuck: still in use. Remove it with: docker volume rm stuck");
    }

    @Test
    void otherFailuresAreReportedWithTheCommandThatRemovesByHand() {
        daemon.then(CONTAINER, new IllegalStateException("daemon hiccup"));

        assertThat(tracker.remove(CONTAINER)).isFalse();
        assertThat(console.warn()).containsExactly("Could not remove container " + CONTAINER.name()
                + ": daemon hiccup. Remove it with: docker rm -f -v " + CONTAINER.name());
    }

    @Test
    void theSweepRemovesOnlyUnkeptResourcesOfDeadOwnersOfThisHostIdInThisNamespace() {
        Resource dead = Resource.container("dead");
        Resource deadVolume = Resource.volume("dead-vol1");
        Resource deadButKept = Resource.container("kept");
        Resource otherNamespace = Resource.container("other-pod");
        Resource otherRunner = Resource.container("other-runner-of-the-same-name");
        Resource unknownHostId = Resource.container("unknown-host-id");
        Resource alive = Resource.container("mine");
        Resource legacy = Resource.container("legacy");
        Resource previousFormat = Resource.container("previous-format");
        daemon.add(deadVolume, ownedBy("ci-1:" + HOST_ID + ":4026531836:200", false))
                .add(dead, ownedBy("ci-1:" + HOST_ID + ":4026531836:200", false))
                .add(deadButKept, ownedBy("ci-1:" + HOST_ID + ":4026531836:201", true))
                .add(otherNamespace, ownedBy("ci-1:" + HOST_ID + ":4026532999:202", false))
                .add(otherRunner, ownedBy("ci-1:" + OTHER_HOST_ID + ":4026531836:204", false))
                .add(unknownHostId, ownedBy("ci-1:unknown:4026531836:205", false))
                .add(alive, ownedBy("ci-1:" + HOST_ID + ":4026531836:100", false))
                .add(legacy, ownedBy("ci-1:203", false))
                .add(previousFormat, ownedBy("ci-1:4026531836:206", false));

        assertThat(tracker.sweepLeftovers()).isEqualTo(2);

        assertThat(daemon.removals).containsExactly(dead, deadVolume);
        assertThat(console.info()).containsExactly("Removed 2 container(s)/volume(s) left by an earlier verify run whose"
                + " Maven process is gone");
    }

    @Test
    void aTrackerThatDoesNotKnowItsHostIdSweepsNothing() {
        ResourceTracker unsure = new ResourceTracker(daemon, console, new Owner("ci-1", Owner.UNKNOWN, "4026531836", 100),
                pid -> pid == 100, Duration.ZERO);
        daemon.add(Resource.container("unknown-too"), ownedBy("ci-1:unknown:4026531836:200", false))
                .add(Resource.container("known"), ownedBy("ci-1:" + HOST_ID + ":4026531836:200", false));

        assertThat(unsure.sweepLeftovers()).isZero();
        assertThat(daemon.removals).isEmpty();
    }

    @Test
    void theRegistryTakesConcurrentRegistrations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 800; i++) {
            Resource r = Resource.volume("v" + i);
            pool.submit(() -> tracker.register(r, false));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        tracker.close();

        assertThat(daemon.removals).hasSize(800).doesNotHaveDuplicates();
    }

    /** A run on its own thread: registers a container, then works until interrupted (or ignores that), then closes. */
    private ResourceTracker runOnThread(boolean ignoresInterrupts, java.util.concurrent.CountDownLatch done) throws Exception {
        var opened = new java.util.concurrent.CompletableFuture<ResourceTracker>();
        Thread worker = new Thread(() -> {
            ResourceTracker run = new ResourceTracker(daemon, console, ME, pid -> pid == 100, Duration.ZERO);
            run.track();
            run.register(CONTAINER, false);
            opened.complete(run);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ignoresInterrupts ? 2 : 20);
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    if (!ignoresInterrupts) {
                        break;
                    }
                }
            }
            if (!ignoresInterrupts) {
                run.close();
            }
            done.countDown();
        });
        worker.start();
        return opened.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theHookStopsTheRunWhichRemovesWhatItMadeItself() throws Exception {
        var done = new java.util.concurrent.CountDownLatch(1);
        ResourceTracker run = runOnThread(false, done);
        assertThat(run.stoppedBy()).isEmpty();
        long start = System.nanoTime();

        ResourceTracker.shutdownAll("SIGTERM", Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for the run, not the grace").isLessThan(Duration.ofSeconds(5));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.stoppedBy()).contains("SIGTERM");
        assertThat(daemon.removals).containsExactly(CONTAINER);
        assertThat(console.warn()).as("the run removed it, the hook had nothing left").isEmpty();
    }

    @Test
    void aRunThatDoesNotStopWithinTheGraceIsCleanedUpByTheHook() throws Exception {
        var done = new java.util.concurrent.CountDownLatch(1);
        ResourceTracker run = runOnThread(true, done);

        ResourceTracker.shutdownAll("SIGINT", Duration.ofMillis(200));

        assertThat(run.stoppedBy()).contains("SIGINT");
        assertThat(daemon.removals).containsExactly(CONTAINER);
        assertThat(console.warn()).containsExactly("Maven is stopping (SIGINT): removing the verification container "
                + CONTAINER.name());
        run.close();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStoppedRunStillRemovesOnItsInterruptedThreadAndKeepsTheInterrupt() {
        tracker.register(CONTAINER, false);
        Thread.currentThread().interrupt();
        try {
            tracker.release(List.of(CONTAINER));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(daemon.removals).containsExactly(CONTAINER);
    }
}
