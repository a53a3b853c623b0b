package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import io.github.dind.devcontainer.Console;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes what earlier verify runs on this host left behind because their Maven process was killed
 * outright ({@code kill -9}, a crashed JVM), where no shutdown hook runs. A resource is a leftover
 * only when the process that owns it is gone; parallel runs are never touched.
 */
public final class LeftoverSweeper {
    private final DockerClient docker;
    private final Console console;

    public LeftoverSweeper(DockerClient docker, Console console) {
        this.docker = docker;
        this.console = console;
    }

    /** @return how many containers and volumes were removed */
    public int sweep() {
        String host = ResourceLabels.hostName() + ":";
        String role = ResourceLabels.ROLE + "=" + ResourceLabels.ROLE_VERIFY;
        int removed = 0;
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(role)).exec()) {
            if (orphaned(c.getLabels(), host)) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (NotFoundException gone) {
                    // removed meanwhile
                }
            }
        }
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", List.of(role)).exec().getVolumes();
        for (InspectVolumeResponse v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            if (orphaned(v.getLabels(), host)) {
                try {
                    docker.removeVolumeCmd(v.getName()).exec();
                    removed++;
                } catch (RuntimeException stillInUseOrGone) {
                    // a volume still attached belongs to a container removed above or alive; leave it
                }
            }
        }
        if (removed > 0) {
            console.info("Removed " + removed + " container(s)/volume(s) left by an earlier verify run whose Maven"
                    + " process is gone");
        }
        return removed;
    }

    static boolean orphaned(Map<String, String> labels, String hostPrefix) {
        String owner = labels == null ? null : labels.get(ResourceLabels.OWNER);
        if (owner == null || !owner.startsWith(hostPrefix)) {
            return false;
        }
        Optional<Long> pid = parsePid(owner.substring(hostPrefix.length()));
        return pid.isPresent() && ProcessHandle.of(pid.get()).map(p -> !p.isAlive()).orElse(true);
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
