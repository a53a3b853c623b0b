package io.github.dind.devcontainer.verify.checks;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Durations the checks measured, for the report and the repeat statistics. */
public final class Timings {
    /** From the container's start to the first answer of {@code docker info}. */
    public static final String READY = "time to docker info";
    /** The same after a stop and start. */
    public static final String READY_AFTER_RESUME = "time to docker info after resume";
    /** The same after a {@code docker kill} and start. */
    public static final String READY_AFTER_KILL = "time to docker info after kill";
    /** From a {@code kill -9} of dockerd inside the container to the next dockerd's answer. */
    public static final String READY_AFTER_DOCKERD_KILL = "time to docker info after dockerd was killed";
    /** How long {@code docker stop} took. */
    public static final String STOP = "docker stop";

    private final Map<String, Duration> values = new LinkedHashMap<>();

    public synchronized void record(String name, Duration value) {
        values.put(name, value);
    }

    public synchronized Optional<Duration> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public synchronized Map<String, Duration> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
