package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import java.util.List;
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

    /** {@link #PODMAN} when a component or the platform names Podman, otherwise {@link #DOCKER}. */
    static String name(Version version) {
        List<VersionComponent> components = version.getComponents() == null ? List.of() : version.getComponents();
        for (VersionComponent component : components) {
            if (mentionsPodman(component.getName())) {
                return PODMAN;
            }
        }
        return version.getPlatform() != null && mentionsPodman(version.getPlatform().getName()) ? PODMAN : DOCKER;
    }

    private static boolean mentionsPodman(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains("podman");
    }
}
