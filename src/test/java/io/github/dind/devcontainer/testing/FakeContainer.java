package io.github.dind.devcontainer.testing;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A container whose execs are answered by the test; no Docker. Two kinds:
 *
 * <ul>
 *   <li>strict ({@link #expecting()}): answers only the command lines given to {@link #on}, matched
 *       exactly. Any other command fails: its exec throws an {@link AssertionError} naming the
 *       command and the expected ones, and the command is recorded, so {@link #assertOnlyExpected()}
 *       fails even when the code under test caught that error (a parallel lifecycle command turns it
 *       into a failure message). {@link FakeContainers} hands out strict containers and asserts that
 *       after each test. A check's test uses this kind: a check that asks the wrong question fails.
 *   <li>lenient ({@link #FakeContainer(Function)}): a function answers any command. Only for tests
 *       that do not care which commands run (the runner's orchestration); each says why.
 * </ul>
 *
 * <p>A command line is the exec's argv joined with single spaces, preceded by {@code USER$ } when
 * it runs as another user than root: {@code dev$ /bin/sh -lc mvn -B -v}. {@link #commands()} records
 * that form, and {@link #on} expects it. Exact matching suffices: the checks build their command
 * lines from constants and their inputs, with no nonce or timestamp (their scripts name what they
 * create after the shell's {@code $$}, inside the container).
 */
public final class FakeContainer implements Container {
    private final Function<String, ExecResult> answers;
    /** For a strict container: the expected command lines and their answers, in the order given; null when lenient. */
    private final Map<String, Supplier<ExecResult>> expected;
    private final List<String> unexpected = new ArrayList<>();
    private volatile boolean running = true;
    private Instant startedAt = Instant.now();
    private final List<String> commands = new ArrayList<>();
    private List<String> log = List.of();
    private List<String> dockerdLog = List.of();
    private Duration stopTakes = Duration.ZERO;
    private final java.util.Map<String, List<String>> files = new java.util.HashMap<>();
    private final java.util.Map<String, String> put = new java.util.LinkedHashMap<>();
    private String remoteUser = "root";
    private int kills;
    private String name = "fake0123456789";
    private int closes;
    private final java.util.concurrent.atomic.AtomicInteger runningAsked = new java.util.concurrent.atomic.AtomicInteger();

    /** What {@link #cutNetwork()} was asked, in order: {@code cut [bridge]}, {@code restored}. */
    private final List<String> networkEvents = new ArrayList<>();
    private List<String> networks = List.of("bridge");

    /** The container's networks, which {@link #cutNetwork()} takes it off (default: the default bridge). */
    public FakeContainer networks(List<String> names) {
        this.networks = List.copyOf(names);
        return this;
    }

    /** The network cuts and restores asked of this container, in order. */
    public synchronized List<String> networkEvents() {
        return List.copyOf(networkEvents);
    }

    @Override
    public synchronized NetworkCut cutNetwork() {
        networkEvents.add("cut " + networks);
        return new NetworkCut() {
            @Override
            public List<String> networks() {
                return networks;
            }

            @Override
            public void close() {
                synchronized (FakeContainer.this) {
                    networkEvents.add("restored");
                }
            }
        };
    }

    private final java.util.Map<String, java.util.Map<String, java.nio.file.Path>> copies = new java.util.LinkedHashMap<>();

    /** Records the copy: {@link #copies()}. */
    @Override
    public synchronized void copyInto(String directory, java.util.Map<String, java.nio.file.Path> files) {
        copies.computeIfAbsent(directory, d -> new java.util.LinkedHashMap<>()).putAll(files);
    }

    /** What {@link #copyInto} copied: folder inside → file name → host file. */
    public synchronized java.util.Map<String, java.util.Map<String, java.nio.file.Path>> copies() {
        return java.util.Map.copyOf(copies);
    }

    /** A lenient container: {@code answers} answers every command line, whatever it is. */
    public FakeContainer(Function<String, ExecResult> answers) {
        this.answers = answers;
        this.expected = null;
    }

    private FakeContainer() {
        this.answers = null;
        this.expected = new LinkedHashMap<>();
    }

    /** A strict container that expects no command yet: add each with {@link #on}. */
    public static FakeContainer expecting() {
        return new FakeContainer();
    }

    /**
     * Expects this exact command line (the {@link #commands()} form) and answers it; expecting the
     * same line again replaces its answer. An expected line may be asked any number of times, or
     * never (a wait reads startup.sh's status file only when it lasts): where being asked matters,
     * the verdict rests on the answer, or the test looks at {@link #commands()}.
     */
    public FakeContainer on(String commandLine, ExecResult answer) {
        return on(commandLine, () -> answer);
    }

    /** As {@link #on(String, ExecResult)}, answering each time with what {@code answers} gives (or throws). */
    public synchronized FakeContainer on(String commandLine, Supplier<ExecResult> answers) {
        if (expected == null) {
            throw new IllegalStateException("a lenient FakeContainer answers every command; use FakeContainer.expecting()");
        }
        expected.put(commandLine, answers);
        return this;
    }

    /** The command lines a strict container was asked and did not expect, in order. */
    public synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Fails naming every command line this container was asked and did not expect. */
    public void assertOnlyExpected() {
        List<String> asked = unexpected();
        if (!asked.isEmpty()) {
            throw new AssertionError("the container was asked commands the test does not expect: " + asked
                    + "; it expects " + expectedLines());
        }
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    public static ExecResult exit(int code, String stderr) {
        return new ExecResult(code, "", stderr);
    }

    public FakeContainer stopped() {
        running = false;
        return this;
    }

    public FakeContainer logs(List<String> containerLog, List<String> dockerdLogLines) {
        this.log = containerLog;
        this.dockerdLog = dockerdLogLines;
        return this;
    }

    public FakeContainer stopTakes(Duration duration) {
        this.stopTakes = duration;
        return this;
    }

    /** The lines {@link #fileTail} returns for this path (other paths: the dockerd log given to {@link #logs}). */
    public FakeContainer file(String path, List<String> lines) {
        files.put(path, lines);
        return this;
    }

    public FakeContainer named(String containerName) {
        this.name = containerName;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    /** How many times {@link #close()} was called. */
    public int closes() {
        return closes;
    }

    @Override
    public void close() {
        closes++;
    }

    public FakeContainer remoteUser(String user) {
        this.remoteUser = user;
        return this;
    }

    @Override
    public String remoteUser() {
        return remoteUser;
    }

    /** How many times {@link #kill()} was called. */
    public int kills() {
        return kills;
    }

    @Override
    public void kill() {
        kills++;
        running = false;
    }

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public String id() {
        return "fake0123456789";
    }

    @Override
    public ExecResult execAs(String user, Duration timeout, String... command) {
        String line = String.join(" ", command);
        String asked = (user.equals("root") ? "" : user + "$ ") + line;
        Supplier<ExecResult> answer;
        synchronized (this) {
            commands.add(asked);
            if (expected == null) {
                answer = () -> answers.apply(line);
            } else {
                answer = expected.get(asked);
                if (answer == null) {
                    unexpected.add(asked);
                }
            }
        }
        if (answer == null) {
            throw new AssertionError("the container was asked `" + asked + "`, which the test does not expect; it expects "
                    + expectedLines() + closest(asked));
        }
        // answered outside the lock: an answer may wait for another exec (parallel lifecycle commands)
        return answer.get();
    }

    private synchronized List<String> expectedLines() {
        return expected.keySet().stream().map(FakeContainer::shorten).toList();
    }

    /** Where the asked line leaves the expected one it shares the longest start with: long scripts differ deep inside. */
    private synchronized String closest(String asked) {
        String best = null;
        int shared = 0;
        for (String line : expected.keySet()) {
            int n = 0;
            while (n < line.length() && n < asked.length() && line.charAt(n) == asked.charAt(n)) {
                n++;
            }
            if (n > shared) {
                best = line;
                shared = n;
            }
        }
        return best == null ? "" : "; the closest, `" + shorten(best) + "`, differs from character " + shared
                + " on: asked `" + shorten(asked.substring(shared)) + "`, expected `" + shorten(best.substring(shared)) + "`";
    }

    private static String shorten(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    @Override
    public boolean isRunning() {
        runningAsked.incrementAndGet();
        return running;
    }

    /** How often {@link #isRunning()} was asked: an inspect call each on a real container. */
    public int runningAsked() {
        return runningAsked.get();
    }

    @Override
    public String state() {
        return running ? "running" : "exited with code 1";
    }

    @Override
    public void stop(Duration gracePeriod) {
        try {
            Thread.sleep(stopTakes.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public void start() {
        running = true;
        startedAt = Instant.now();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<String> logTail(int lines) {
        return log;
    }

    /** Records the file (as UTF-8 text) for {@link #putFiles()}; it is also what {@link #fileTail} returns for it from then on. */
    @Override
    public synchronized void putFile(String path, byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        put.put(path, text);
        files.put(path, text.lines().toList());
    }

    /** The files {@link #putFile} wrote, by path, in the order written. */
    public synchronized java.util.Map<String, String> putFiles() {
        return new java.util.LinkedHashMap<>(put);
    }

    @Override
    public List<String> fileTail(String path, int lines) {
        return files.getOrDefault(path, dockerdLog);
    }
}
