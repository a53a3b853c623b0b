package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;

/** {@link Resources} through docker-java: the Engine API's container and volume delete and list calls. */
final class DockerResources implements Resources {
    private final Supplier<DockerClient> docker;

    /** @param docker the client, asked for only when a resource is listed or removed */
    DockerResources(Supplier<DockerClient> docker) {
        this.docker = docker;
    }

    @Override
    public Removal remove(Resource resource) {
        try {
            if (resource.kind() == Kind.CONTAINER) {
                docker.get().removeContainerCmd(resource.name()).withForce(true).withRemoveVolumes(true).exec();
            } else {
                docker.get().removeVolumeCmd(resource.name()).exec();
            }
            return Removal.REMOVED;
        } catch (NotFoundException gone) {
            return Removal.GONE;
        } catch (ConflictException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already in progress")) {
                return Removal.IN_PROGRESS;
            }
            if (resource.kind() == Kind.VOLUME) {
                return Removal.IN_USE;
            }
            throw e;
        }
    }

    @Override
    public List<Labelled> list(String labelFilter) {
        List<Labelled> found = new ArrayList<>();
        for (com.github.dockerjava.api.model.Container c : docker.get().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(labelFilter)).exec()) {
            found.add(new Labelled(Resource.container(c.getId()), labels(c.getLabels())));
        }
        List<InspectVolumeResponse> volumes = docker.get().listVolumesCmd().withFilter("label", List.of(labelFilter)).exec()
                .getVolumes();
        for (InspectVolumeResponse v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            found.add(new Labelled(Resource.volume(v.getName()), labels(v.getLabels())));
        }
        return found;
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
