package io.github.dind.devcontainer.testing;

import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.InvalidRequestException;

/** Requests for tests. */
public final class Requests {
    private Requests() {
    }

    public static GenerateRequest.Builder sample(String distro) {
        return GenerateRequest.builder()
                .name("Sample Project")
                .distro(distro)
                .label("org.opencontainers.image.title", "Sample Project")
                .label("org.opencontainers.image.version", "1.0.0-SNAPSHOT");
    }

    public static GenerateRequest build(GenerateRequest.Builder builder) {
        try {
            return builder.build();
        } catch (InvalidRequestException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
