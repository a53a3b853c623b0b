package io.github.dind.devcontainer.testing;

import io.github.dind.devcontainer.spec.DevcontainerSpec;
import io.github.dind.devcontainer.spec.InvalidSpecException;

/** Specs for tests. */
public final class Specs {
    private Specs() {
    }

    public static DevcontainerSpec.Builder sample(String distro) {
        return DevcontainerSpec.builder()
                .name("Sample Project")
                .distro(distro)
                .label("org.opencontainers.image.title", "Sample Project")
                .label("org.opencontainers.image.version", "1.0.0-SNAPSHOT");
    }

    public static DevcontainerSpec build(DevcontainerSpec.Builder builder) {
        try {
            return builder.build();
        } catch (InvalidSpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
