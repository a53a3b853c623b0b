package io.github.dind.devcontainer.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;

/**
 * The labels on every container and volume verify creates: which run made it, and which process on
 * which host owns it, so a later run can remove what a killed one left behind.
 */
public final class ResourceLabels {
    public static final String RUN_ID = "io.github.dind.devcontainer.run-id";
    public static final String OWNER = "io.github.dind.devcontainer.owner";
    public static final String ROLE = "io.github.dind.devcontainer.role";
    public static final String ROLE_VERIFY = "verify";

    private final String runId;
    private final String owner;

    private ResourceLabels(String runId, String owner) {
        this.runId = runId;
        this.owner = owner;
    }

    /** Labels for a new run of this JVM. */
    public static ResourceLabels newRun() {
        return new ResourceLabels(UUID.randomUUID().toString(), ownerOf(ProcessHandle.current().pid()));
    }

    static String ownerOf(long pid) {
        return hostName() + ":" + pid;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    public String runId() {
        return runId;
    }

    /** A short form of the run id for names: eight hex digits. */
    public String shortRunId() {
        return runId.substring(0, 8);
    }

    public Map<String, String> asMap() {
        return Map.of(RUN_ID, runId, OWNER, owner, ROLE, ROLE_VERIFY);
    }
}
