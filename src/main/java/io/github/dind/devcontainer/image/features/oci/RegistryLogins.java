package io.github.dind.devcontainer.image.features.oci;

import io.github.dind.devcontainer.image.registry.CredentialLookup;
import io.github.dind.devcontainer.image.registry.RegistryAuthException;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import java.util.Map;
import java.util.Optional;

/**
 * The login for a Features registry; the first match wins:
 * <ol>
 * <li>a Maven {@code settings.xml} {@code <server>} whose id is the registry host (as for push and
 *     base-image pulls);</li>
 * <li>{@code DEVCONTAINERS_OCI_AUTH}, the devcontainer CLI's variable:
 *     {@code registry|user|password[,registry|user|password...]};</li>
 * <li>the docker CLI's config.json and credential helpers ({@link CredentialLookup#dockerLogin});</li>
 * <li>for {@code ghcr.io}, {@code GITHUB_TOKEN} (with no {@code GITHUB_HOST}, or {@code github.com}).</li>
 * </ol>
 * devcontainers/cli (httpOCIRegistry.ts {@code getCredential}) reads 2, 3 and 4 in that order; the
 * settings.xml server comes first here as it does for every registry the plugin talks to. None found:
 * the registry is asked anonymously.
 */
public final class RegistryLogins {
    private final CredentialLookup lookup;
    private final Map<String, String> environment;

    /** @param environment the build's environment (for the two variables) */
    public RegistryLogins(CredentialLookup lookup, Map<String, String> environment) {
        this.lookup = lookup;
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param registry the registry as the Feature's reference names it ({@code ghcr.io}, {@code host:5000})
     * @throws RegistryAuthException when the docker CLI's config.json cannot be read or a helper fails
     */
    public Optional<RegistryCredentials> find(String registry) throws RegistryAuthException {
        Optional<RegistryCredentials> server = lookup.server(registry);
        if (server.isPresent()) {
            return server;
        }
        String variable = environment.getOrDefault("DEVCONTAINERS_OCI_AUTH", "");
        for (String entry : variable.split(",")) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length >= 3 && parts[0].equals(registry)) {
                return Optional.of(RegistryCredentials.password(parts[1], parts[2], "DEVCONTAINERS_OCI_AUTH"));
            }
        }
        Optional<RegistryCredentials> docker = lookup.dockerLogin(registry);
        if (docker.isPresent()) {
            return docker;
        }
        String token = environment.getOrDefault("GITHUB_TOKEN", "");
        String host = environment.getOrDefault("GITHUB_HOST", "");
        if (registry.equals("ghcr.io") && !token.isEmpty() && (host.isEmpty() || host.equals("github.com"))) {
            return Optional.of(RegistryCredentials.password("USERNAME", token, "GITHUB_TOKEN"));
        }
        return Optional.empty();
    }
}
