package io.github.dind.devcontainer.run;

import java.util.List;
import java.util.Map;

/**
 * What {@link ResourceTracker} needs from the daemon: remove one resource, list resources by
 * label. The real one is {@link DockerResources}; tests use a map.
 */
public interface Resources {
    enum Kind { CONTAINER, VOLUME }

    /** A container (by id or name) or a volume (by name). */
    record Resource(Kind kind, String name) {
        public static Resource container(String idOrName) {
            return new Resource(Kind.CONTAINER, idOrName);
        }

        public static Resource volume(String name) {
            return new Resource(Kind.VOLUME, name);
        }
    }

    /** A resource with its labels, as a listing returns it. */
    record Labelled(Resource resource, Map<String, String> labels) {
    }

    /** How a removal ended; anything else is thrown. */
    enum Removal {
        REMOVED,
        /** No such resource: removed already. */
        GONE,
        /** HTTP 409 "removal already in progress": another removal (a parallel sweep) does it. */
        IN_PROGRESS,
        /** HTTP 409 for a volume still attached to a container whose removal is finishing: try again. */
        IN_USE
    }

    /** Removes a container with its anonymous volumes (forced), or a volume. */
    Removal remove(Resource resource);

    /** Containers (running or not) and volumes carrying {@code label=value} (a docker label filter). */
    List<Labelled> list(String labelFilter);
}
