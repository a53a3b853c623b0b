package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When the build may pull its base images. */
public enum PullPolicy {
    /** Pull a base image only when the daemon does not have it (the default). */
    MISSING,
    /** Pull every base image before building, for the newest one. */
    ALWAYS,
    /** Never pull: every base image must be on the daemon already (offline, {@code mvn -o}). */
    NEVER;

    /** @throws InvalidSettingException naming {@code pull} when {@code id} is none of the policies */
    public static PullPolicy fromId(String id) throws InvalidSettingException {
        String wanted = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidSettingException("pull", id, "must be one of " + ids()));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String ids() {
        return Arrays.stream(values()).map(PullPolicy::id).collect(Collectors.joining(", "));
    }

    /** Offline Maven never pulls: {@code mvn -o} turns every policy into {@link #NEVER}. */
    public static PullPolicy effective(PullPolicy configured, boolean offline) {
        return offline ? NEVER : configured;
    }
}
