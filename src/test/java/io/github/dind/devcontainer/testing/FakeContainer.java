package io.github.dind.devcontainer.testing;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A container whose exec answers come from a function of the command line; no Docker. */
public final class FakeContainer implements Container {
    private Function<String, ExecResult> answers;
    private volatile boolean running = true;
    private Instant startedAt = Instant.now();
    private final List<String> commands = new ArrayList<>();
    private List<String> log = List.of();
    private List<String> dockerdLog = List.of();
    private Duration stopTakes = Duration.ZERO;
    private final java.util.Map<String, List<String>> files = new java.util.HashMap<>();
    private String remoteUser = "root";
    private int kills;
    private String name = "fake0123456789";
    private int closes;
    private final java.util.concurrent.atomic.AtomicInteger runningAsked = new java.util.concurrent.atomic.AtomicInteger();

    public FakeContainer(Function<String, ExecResult> answers) {
        this.answers = answers;
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    public static ExecResult exit(int code, String stderr) {
        return new ExecResult(code, "", stderr);
    }

    public FakeContainer answers(Function<String, ExecResult> answers) {
        this.answers = answers;
        return this;
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
        synchronized (this) {
            commands.add((user.equals("root") ? "" : user + "$ ") + line);
        }
        return answers.apply(line);
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

    @Override
    public List<String> fileTail(String path, int lines) {
        return files.getOrDefault(path, dockerdLog);
    }
}
