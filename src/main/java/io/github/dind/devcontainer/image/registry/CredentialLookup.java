package io.github.dind.devcontainer.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the login for a registry; the first match wins:
 * <ol>
 * <li>a Maven {@code settings.xml} {@code <server>} whose id is the registry host (jib's and fabric8's
 *     convention; the Maven layer decrypts it and hands it over as {@code servers});</li>
 * <li>the docker CLI's {@code config.json} ({@code $DOCKER_CONFIG}, else {@code ~/.docker}):
 *     {@code auths.<registry>.auth} (base64 {@code user:password}) or its {@code identitytoken};</li>
 * <li>its credential helpers: {@code credHelpers.<registry>}, else {@code credsStore}, run as
 *     {@code docker-credential-<name> get} with the server address on stdin; one that does not answer
 *     within 30 s is stopped and the lookup fails.</li>
 * </ol>
 * Formats: docker/cli {@code cli/config/configfile/file.go} and {@code cli/config/credentials};
 * the helper protocol: docker/docker-credential-helpers {@code client/client.go} (a missing login is
 * the message {@code credentials not found in native keychain}). Docker Hub is keyed
 * {@code https://index.docker.io/v1/} there.
 *
 * <p>Its length is the docker CLI's own lookup order (settings.xml servers, config.json auths,
 * credential helpers, the Docker Hub aliases), followed step by step.
 */
public final class CredentialLookup {
    /** Docker Hub's key in config.json and for credential helpers. */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final List<String> DOCKER_HUB_HOSTS = List.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs a credential helper: its stdout, or empty when it has no login for the server. */
    @FunctionalInterface
    public interface HelperRunner {
        Optional<String> get(String helper, String serverAddress) throws IOException;
    }

    private final Map<String, RegistryCredentials> servers;
    private final Path dockerConfigDirectory;
    private final HelperRunner helpers;

    /**
     * @param servers Maven's servers by id, decrypted
     * @param dockerConfigDirectory the docker CLI's config folder; null or missing: none
     */
    public CredentialLookup(Map<String, RegistryCredentials> servers, Path dockerConfigDirectory, HelperRunner helpers) {
        this.servers = Map.copyOf(servers);
        this.dockerConfigDirectory = dockerConfigDirectory;
        this.helpers = helpers;
    }

    /**
     * Maven's servers, the docker CLI's config where the docker CLI looks, helpers run as processes
     * from the PATH, each given 30 s ({@link CredentialHelperProcess}).
     *
     * @param console gets what a helper writes to stderr, at debug
     */
    public static CredentialLookup of(Map<String, RegistryCredentials> servers, Console console) {
        String env = System.getenv("DOCKER_CONFIG");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".docker");
        return new CredentialLookup(servers, dir, new CredentialHelperProcess(console)::get);
    }

    /** No credentials at all: the daemon pushes and pulls anonymously. */
    public static CredentialLookup none() {
        return new CredentialLookup(Map.of(), null, (helper, server) -> Optional.empty());
    }

    /**
     * The registry host of a repository, as the docker CLI reads it: the first path component when
     * it has a dot or a port or is {@code localhost}, else Docker Hub ({@code docker.io}).
     * Source: distribution/reference {@code normalize.go} {@code splitDockerDomain}.
     */
    public static String registryOf(String repository) {
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                return first;
            }
        }
        return "docker.io";
    }

    /**
     * The login for a registry host ({@link #registryOf}); empty when none of the sources has one.
     *
     * @throws RegistryAuthException when config.json cannot be read or a helper fails
     */
    public Optional<RegistryCredentials> find(String registry) throws RegistryAuthException {
        Optional<RegistryCredentials> server = server(registry);
        return server.isPresent() ? server : dockerLogin(registry);
    }

    /** The login from Maven's settings.xml alone (step 1 of {@link #find}). */
    public Optional<RegistryCredentials> server(String registry) {
        boolean hub = DOCKER_HUB_HOSTS.contains(registry);
        for (String id : hub ? DOCKER_HUB_HOSTS : List.of(registry)) {
            RegistryCredentials server = servers.get(id);
            if (server != null) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    /**
     * The login from the docker CLI's config.json and credential helpers alone (steps 2 and 3 of {@link #find}).
     *
     * @throws RegistryAuthException when config.json cannot be read or a helper fails
     */
    public Optional<RegistryCredentials> dockerLogin(String registry) throws RegistryAuthException {
        boolean hub = DOCKER_HUB_HOSTS.contains(registry);
        JsonNode config = dockerConfig();
        if (config == null) {
            return Optional.empty();
        }
        String key = hub ? DOCKER_HUB_KEY : registry;
        Optional<RegistryCredentials> auth = fromAuths(config.path("auths"), registry, hub);
        if (auth.isPresent()) {
            return auth;
        }
        String helper = textOrNull(config.path("credHelpers").path(hub ? "docker.io" : registry));
        if (helper == null && hub) {
            helper = textOrNull(config.path("credHelpers").path(DOCKER_HUB_KEY));
        }
        if (helper == null) {
            helper = textOrNull(config.path("credsStore"));
        }
        if (helper == null) {
            return Optional.empty();
        }
        return fromHelper(helper, key);
    }

    private JsonNode dockerConfig() throws RegistryAuthException {
        if (dockerConfigDirectory == null) {
            return null;
        }
        Path file = dockerConfigDirectory.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new RegistryAuthException("Cannot read the docker CLI's " + file + ": " + Errors.rootMessage(e)
                    + ". Fix or remove it, or give the registry's login as a <server> in Maven's settings.xml.", e);
        }
    }

    private static Optional<RegistryCredentials> fromAuths(JsonNode auths, String registry, boolean hub) throws RegistryAuthException {
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String host = hostOf(entry.getKey());
            if (!(host.equals(registry) || hub && DOCKER_HUB_HOSTS.contains(host))) {
                continue;
            }
            JsonNode value = entry.getValue();
            String source = "the docker CLI's config.json, auths " + entry.getKey();
            String token = textOrNull(value.path("identitytoken"));
            if (token != null) {
                return Optional.of(RegistryCredentials.token(token, source));
            }
            String encoded = textOrNull(value.path("auth"));
            if (encoded != null) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new RegistryAuthException("The docker CLI's config.json has an auth for " + entry.getKey()
                            + " that is not base64: log in again (docker login " + registry + ").", e);
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new RegistryAuthException("The docker CLI's config.json has an auth for " + entry.getKey()
                            + " that is not user:password: log in again (docker login " + registry + ").", null);
                }
                return Optional.of(RegistryCredentials.password(decoded.substring(0, colon), decoded.substring(colon + 1), source));
            }
            String user = textOrNull(value.path("username"));
            if (user != null) {
                return Optional.of(RegistryCredentials.password(user, value.path("password").asText(""), source));
            }
            // an empty entry: docker login wrote the secret into a helper
        }
        return Optional.empty();
    }

    private Optional<RegistryCredentials> fromHelper(String helper, String serverAddress) throws RegistryAuthException {
        Optional<String> out;
        try {
            out = helpers.get(helper, serverAddress);
        } catch (IOException e) {
            throw new RegistryAuthException("The docker credential helper docker-credential-" + helper + " failed for "
                    + serverAddress + ": " + Errors.rootMessage(e) + ". The docker CLI's config.json names it (credsStore"
                    + " or credHelpers); install it, fix it, or give the login as a <server> in Maven's settings.xml.", e);
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = JSON.readTree(out.get());
            String user = textOrNull(answer.path("Username"));
            String secret = answer.path("Secret").asText("");
            String source = "docker-credential-" + helper;
            if ("<token>".equals(user)) {
                return Optional.of(RegistryCredentials.token(secret, source));
            }
            return Optional.of(RegistryCredentials.password(user, secret, source));
        } catch (IOException e) {
            throw new RegistryAuthException("docker-credential-" + helper + " answered for " + serverAddress
                    + " with something that is not its JSON: " + Errors.rootMessage(e), e);
        }
    }

    /** {@code https://host:5000/v1/} → {@code host:5000}, as docker/cli's {@code ConvertToHostname}. */
    static String hostOf(String key) {
        String host = key;
        if (host.startsWith("http://")) {
            host = host.substring(7);
        } else if (host.startsWith("https://")) {
            host = host.substring(8);
        }
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
