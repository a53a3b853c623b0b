package io.github.dind.devcontainer.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.image.features.oci.RegistryClient;
import io.github.dind.devcontainer.image.features.oci.RegistryException;
import io.github.dind.devcontainer.image.features.oci.RegistryLogins;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The digest a base image's tag names now, for the pin generate writes ({@code FROM name:tag@sha256:...}).
 * <ol>
 * <li>The registry: one GET of the tag's manifest (OCI distribution spec, "Pulling manifests"),
 *     accepting an OCI image index and a Docker manifest list before a single manifest, so a
 *     multi-platform image is pinned by its index and every platform still gets its own image
 *     (what {@code docker pull} records as the RepoDigest). The digest is the sha256 of the bytes
 *     received (the {@code Docker-Content-Digest} header is not trusted). The registry is spoken to
 *     by the Features' client ({@link RegistryClient}): the same logins (settings.xml servers,
 *     {@code DEVCONTAINERS_OCI_AUTH}, the docker CLI's logins), the token flow, timeouts and limits.
 *     Docker Hub's names are read as the docker CLI reads them ({@code debian} is
 *     {@code registry-1.docker.io/library/debian}); a registry on the loopback (localhost,
 *     127.0.0.0/8, [::1]) is spoken to over plain HTTP, as Docker allows it (moby {@code registry/config.go}:
 *     127.0.0.0/8 is an insecure registry by default), and over HTTPS when nothing answers that way.</li>
 * <li>When the registry cannot be asked (unreachable, refused, or Maven offline): the local engine's
 *     {@code RepoDigests} of that tag, when it holds exactly one for the repository (an image pulled
 *     by tag has it; one loaded or built locally has none).</li>
 * </ol>
 *
 * <p>Its length is the two sources, the Docker Hub naming rules and the reasons a digest cannot be
 * had, each said once in the warning generate gives.
 */
public final class BaseImageDigests {
    /** The most bytes a manifest may have (the distribution spec's suggested limit for registries). */
    static final long MANIFEST_LIMIT = 4L << 20;
    /** An OCI image index or Docker manifest list first, then a single manifest (Docker's and OCI's). */
    static final String ACCEPT = String.join(", ", List.of("application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json"));
    private static final List<String> DOCKER_HUB = List.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The local engine's digests of an image reference ({@code RepoDigests}, e.g. {@code debian@sha256:...}). */
    @FunctionalInterface
    public interface LocalDigests {
        /** @throws IOException when the engine cannot be asked (its message says why) */
        List<String> repoDigests(String reference) throws IOException;
    }

    /** No digest could be had; the message says why. */
    public static final class Unresolved extends Exception {
        private static final long serialVersionUID = 1L;

        Unresolved(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A digest and where it came from, e.g. {@code the registry 127.0.0.1:5000}. */
    public record Resolved(String digest, String source) {
    }

    private final RegistryClient client;
    private final LocalDigests engine;
    private final boolean offline;

    /**
     * @param engine the local engine's RepoDigests
     * @param offline Maven runs offline: no registry is asked
     */
    public BaseImageDigests(RegistryClient client, LocalDigests engine, boolean offline) {
        this.client = client;
        this.engine = engine;
        this.offline = offline;
    }

    /** The JVM's TLS context, the Features' timeouts and these logins. */
    public static BaseImageDigests of(CredentialLookup credentials, Map<String, String> environment, LocalDigests engine,
            boolean offline, Console console) {
        return new BaseImageDigests(RegistryClient.of(new RegistryLogins(credentials, environment), console,
                "baseImage (or the Dockerfile's FROM)"), engine, offline);
    }

    /**
     * @param tagged {@code name:tag}, without a digest
     * @throws Unresolved naming why neither the registry nor the engine gave one
     */
    public Resolved resolve(ImageReference tagged) throws Unresolved {
        String registryWhy;
        RegistryException registryFailure = null;
        if (offline) {
            registryWhy = "Maven runs offline (-o), so no registry is asked";
        } else {
            try {
                return fromRegistry(tagged);
            } catch (RegistryException e) {
                registryFailure = e;
                registryWhy = e.getMessage();
            }
        }
        String familiar = familiar(tagged.repository());
        try {
            List<String> digests = engine.repoDigests(tagged.toString()).stream()
                    .filter(d -> d.contains("@") && familiar(d.substring(0, d.indexOf('@'))).equals(familiar))
                    .map(d -> d.substring(d.indexOf('@') + 1)).distinct().toList();
            if (digests.size() == 1 && digests.get(0).matches("sha256:[0-9a-f]{64}")) {
                return new Resolved(digests.get(0), "the Docker engine's RepoDigests of " + tagged + ", as " + registryWhy);
            }
            String engineWhy = digests.isEmpty() ? "the Docker engine has no digest of it (RepoDigests: an image pulled by"
                    + " tag has one, one loaded or built locally none)"
                    : "the Docker engine has several digests of it (" + String.join(", ", digests) + ") and cannot say which";
            throw new Unresolved(registryWhy + "; " + engineWhy, registryFailure);
        } catch (IOException e) {
            throw new Unresolved(registryWhy + "; the Docker engine cannot be asked either (" + e.getMessage() + ")",
                    registryFailure != null ? registryFailure : e);
        }
    }

    private Resolved fromRegistry(ImageReference tagged) throws RegistryException {
        Endpoint endpoint = Endpoint.of(tagged.repository());
        String what = "the manifest " + tagged;
        byte[] manifest;
        if (!endpoint.loopback()) {
            manifest = client.fetch(endpoint.registry(), endpoint.manifest("https", tagged.tag()), ACCEPT, what, MANIFEST_LIMIT);
        } else {
            try {
                manifest = client.fetch(endpoint.registry(), endpoint.manifest("http", tagged.tag()), ACCEPT, what, MANIFEST_LIMIT);
            } catch (RegistryException plain) {
                // no answer over HTTP, or a TLS server's "400 Client sent an HTTP request to an HTTPS server": try TLS
                if (plain.getCause() == null && !String.valueOf(plain.getMessage()).contains("HTTP 400")) {
                    throw plain;
                }
                try {
                    manifest = client.fetch(endpoint.registry(), endpoint.manifest("https", tagged.tag()), ACCEPT, what,
                            MANIFEST_LIMIT);
                } catch (RegistryException tls) {
                    tls.addSuppressed(plain);
                    throw plain.getCause() == null ? tls : plain; // a TLS server's error, or HTTP's when neither answers
                }
            }
        }
        checkManifest(manifest, endpoint.registry(), tagged);
        return new Resolved("sha256:" + Sha256.hex(manifest), "the registry " + endpoint.registry());
    }

    /** A schema 2 manifest, list or index: one whose digest is the sha256 of its bytes. */
    static void checkManifest(byte[] manifest, String registry, ImageReference tagged) throws RegistryException {
        JsonNode json;
        try {
            json = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new RegistryException("the registry " + registry + " answered for " + tagged + " with something that is"
                    + " not JSON, so not a manifest", e);
        }
        if (json == null || json.path("schemaVersion").asInt(0) != 2) {
            throw new RegistryException("the registry " + registry + " answered for " + tagged + " with a manifest of schema"
                    + " version " + (json == null ? "?" : json.path("schemaVersion").asText("?")) + ", not 2 (Docker's"
                    + " schema 1 is deprecated, and its digest is not that of its bytes)");
        }
    }

    /**
     * The repository as the docker CLI shows it ({@code debian}, {@code team/app}, {@code ghcr.io/x/y}):
     * {@code docker.io/} and {@code library/} left out (distribution/reference {@code FamiliarName}).
     */
    static String familiar(String repository) {
        String name = repository;
        for (String hub : DOCKER_HUB) {
            if (name.startsWith(hub + "/")) {
                name = name.substring(hub.length() + 1);
                break;
            }
        }
        if (name.startsWith("library/") && name.indexOf('/', "library/".length()) < 0) {
            name = name.substring("library/".length());
        }
        return name;
    }

    /**
     * Where a repository's manifests are: the registry as logins are keyed ({@code docker.io} for Docker
     * Hub), the host its API is on, and the repository's path there.
     */
    record Endpoint(String registry, String host, String path) {
        static Endpoint of(String repository) {
            String registry = CredentialLookup.registryOf(repository);
            String path = repository.startsWith(registry + "/") ? repository.substring(registry.length() + 1) : repository;
            if (DOCKER_HUB.contains(registry)) {
                return new Endpoint("docker.io", "registry-1.docker.io", path.contains("/") ? path : "library/" + path);
            }
            return new Endpoint(registry, registry, path);
        }

        URI manifest(String scheme, String tag) {
            return URI.create(scheme + "://" + host + "/v2/" + path + "/manifests/" + tag);
        }

        /** localhost, 127.0.0.0/8 or [::1], with or without a port. */
        boolean loopback() {
            String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                    : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            name = name.toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
        }
    }

    /**
     * The engine at {@code dockerHost} (null: DOCKER_HOST or the Docker context), connected to only when
     * asked, for one image inspect ({@code GET /images/{name}/json}, Engine API), then closed.
     */
    public static LocalDigests engine(String dockerHost) {
        return reference -> {
            try (io.github.dind.devcontainer.docker.DockerConnection docker = new io.github.dind.devcontainer.docker.DockerConnector()
                    .connect(dockerHost, java.time.Duration.ofSeconds(30))) {
                return repoDigests(docker.queries().get("/images/"
                        + io.github.dind.devcontainer.docker.EngineQueries.segment(reference) + "/json"));
            } catch (io.github.dind.devcontainer.docker.DockerUnavailableException | RuntimeException e) {
                throw new IOException(io.github.dind.devcontainer.Errors.rootMessage(e), e);
            }
        };
    }

    /** The digests the engine pulled an image by, from the inspect answer's RepoDigests; none for a 404 (null). */
    static List<String> repoDigests(JsonNode inspect) {
        if (inspect == null) {
            return List.of();
        }
        return Optional.ofNullable(inspect.get("RepoDigests")).map(n -> {
            List<String> out = new java.util.ArrayList<>();
            n.forEach(d -> out.add(d.asText()));
            return out;
        }).orElse(List.of());
    }
}
