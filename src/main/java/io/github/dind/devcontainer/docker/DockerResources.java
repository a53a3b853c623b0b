package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.run.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;

/** {@link Resources} through docker-java: the Engine API's container and volume delete and list calls. */
final class DockerResources implements Resources {
    private final Supplier<DockerClient> docker;
    private final EngineQueries queries;

    /**
     * @param docker the client, asked for only when a resource is removed
     * @param queries for the listings, read as JSON trees (a sweep that finds nothing makes no typed client)
     */
    DockerResources(Supplier<DockerClient> docker, EngineQueries queries) {
        this.docker = docker;
        this.queries = queries;
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
        String filters = EngineQueries.segment("{\"label\":[" + TextNode.valueOf(labelFilter) + "]}");
        List<Labelled> found = new ArrayList<>();
        for (JsonNode c : orMissing(queries.get("/containers/json?all=1&filters=" + filters))) {
            found.add(new Labelled(Resource.container(c.path("Id").asText()), labels(c.path("Labels"))));
        }
        for (JsonNode v : orMissing(queries.get("/volumes?filters=" + filters)).path("Volumes")) {
            found.add(new Labelled(Resource.volume(v.path("Name").asText()), labels(v.path("Labels"))));
        }
        return found;
    }

    private static JsonNode orMissing(JsonNode answer) {
        return answer == null ? MissingNode.getInstance() : answer;
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
