package io.github.dind.devcontainer.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Which product answers on the Docker API. Podman's compatible service reports itself in the version
 * response's {@code Components} ({@code "Name": "Podman Engine"}, libpod's
 * {@code pkg/api/handlers/compat/version.go}); Docker Engine names its component {@code Engine} and its
 * platform {@code Docker Engine - Community} or similar. Versions differ between the two ({@code 4.3.1}
 * is a Podman release, not a Docker one), so messages and logs must say which it is.
 */
final class Engines {
    static final String DOCKER = "Docker";
    static final String PODMAN = "Podman";

    private Engines() {
    }

    /**
     * {@link #PODMAN} when a component or the platform names Podman, otherwise {@link #DOCKER}.
     *
     * @param version the answer to {@code GET /version}
     */
    static String name(JsonNode version) {
        for (JsonNode component : version.path("Components")) {
            if (mentionsPodman(component.path("Name").asText(null))) {
                return PODMAN;
            }
        }
        return mentionsPodman(version.path("Platform").path("Name").asText(null)) ? PODMAN : DOCKER;
    }

    private static boolean mentionsPodman(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains("podman");
    }
}
