package io.github.dind.devcontainer.image.registry;

/**
 * A login for one registry: a user name and password, or an identity token (what a credential helper
 * returns for the user name {@code <token>}).
 *
 * @param source where it was found, for the log (never the secret): e.g. {@code settings.xml server
 *     registry.example.com}, {@code ~/.docker/config.json auths}, {@code docker-credential-pass}
 */
public record RegistryCredentials(String username, String password, String identityToken, String source) {
    public static RegistryCredentials password(String username, String password, String source) {
        return new RegistryCredentials(username, password, null, source);
    }

    public static RegistryCredentials token(String identityToken, String source) {
        return new RegistryCredentials(null, null, identityToken, source);
    }

    /** Leaves the secrets out. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + (identityToken != null ? "identity token" : "user " + username) + " from " + source + "]";
    }
}
