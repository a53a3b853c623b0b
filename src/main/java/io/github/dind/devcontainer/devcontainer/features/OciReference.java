package io.github.dind.devcontainer.devcontainer.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Feature's OCI reference, {@code registry/namespace/id[:tag|@sha256:digest]}, read by the rules of
 * devcontainers/cli (containerCollectionsOCI.ts {@code getRef} and {@code fetchOCIManifestIfExists}):
 * the whole reference lower-cased; a digest after the last {@code @} ({@code sha256} only); else a
 * tag after a last {@code :} that comes after the last {@code /} (an earlier one is a port); else the
 * tag {@code latest}. The namespace is everything between the registry and the id (at least one
 * component), and {@code namespace/id} must match the OCI distribution spec's repository name. The
 * owner {@code devcontainers-contrib} is read as {@code devcontainers-extra}, as the CLI redirects it
 * (in the namespace, not in {@link #resource}). A registry is fetched from only when its name has a
 * dot or starts with {@code localhost}; a {@code localhost} registry is spoken to over plain HTTP,
 * any other over HTTPS (devcontainers/cli, httpRequest.ts {@code requestResolveHeaders}).
 *
 * @param registry e.g. {@code ghcr.io}, {@code 127.0.0.1:5000}
 * @param namespace e.g. {@code devcontainers/features}
 * @param id the last component, e.g. {@code node}
 * @param resource the reference without tag or digest, as written (lower-cased), e.g. {@code ghcr.io/devcontainers/features/node}
 * @param tag the tag; null when a digest is given
 * @param digest {@code sha256:<64 hex>}; null when a tag is given
 */
public record OciReference(String registry, String namespace, String id, String resource, String tag, String digest) {
    /** containerCollectionsOCI.ts {@code regexForPath}: the repository name of the OCI distribution spec. */
    private static final Pattern PATH = Pattern.compile("^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$");
    /** containerCollectionsOCI.ts {@code regexForVersionOrDigest}: a tag. */
    private static final Pattern TAG = Pattern.compile("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$");
    /** A sha256 digest as registries and the lockfile write it. */
    public static final Pattern DIGEST = Pattern.compile("^sha256:[a-f0-9]{64}$");

    /**
     * @param input the Feature's id as devcontainer.json (or a {@code dependsOn}, {@code installsAfter},
     *     {@code overrideFeatureInstallOrder}) writes it
     * @throws FeatureException naming the input and the rule it breaks
     */
    public static OciReference parse(String input) throws FeatureException {
        String ref = input.strip().toLowerCase(Locale.ROOT);
        if (ref.startsWith(".")) {
            throw invalid(input, "it starts with '.'");
        }
        int at = ref.lastIndexOf('@');
        int colon = ref.lastIndexOf(':');
        String resource;
        String tag = null;
        String digest = null;
        if (at >= 0) {
            resource = ref.substring(0, at);
            digest = ref.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(input, "the digest after '@' must be sha256:<64 hex digits>, not \"" + digest + "\"");
            }
        } else if (colon >= 0 && colon > ref.lastIndexOf('/')) {
            resource = ref.substring(0, colon);
            tag = ref.substring(colon + 1);
        } else {
            resource = ref;
            tag = "latest";
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw invalid(input, "the tag \"" + tag + "\" must be letters, digits, '_', '.' and '-' (at most 128,"
                    + " not starting with '.' or '-')");
        }
        String[] parts = resource.split("/", -1);
        if (parts.length < 3) {
            throw invalid(input, "it needs a registry, a namespace and an id: registry/namespace/id[:tag], e.g."
                    + " ghcr.io/devcontainers/features/node:1");
        }
        if (parts[1].equals("devcontainers-contrib")) {
            parts[1] = "devcontainers-extra";
        }
        String registry = parts[0];
        String id = parts[parts.length - 1];
        String namespace = String.join("/", Arrays.asList(parts).subList(1, parts.length - 1));
        if (!PATH.matcher(namespace + "/" + id).matches()) {
            throw invalid(input, "\"" + namespace + "/" + id + "\" is not a repository name (lower-case letters and digits,"
                    + " separated by '.', '_', '-' or '/')");
        }
        if (registry.indexOf('.') < 0 && !registry.startsWith("localhost")) {
            throw invalid(input, "the registry \"" + registry + "\" has no dot and is not localhost, and devcontainer clients"
                    + " fetch from no such registry: write its full host name");
        }
        return new OciReference(registry, namespace, id, resource, tag, digest);
    }

    private static FeatureException invalid(String input, String reason) {
        return new FeatureException("The Feature \"" + input + "\" is not an OCI reference devcontainer clients read: "
                + reason + " (devcontainers/cli, containerCollectionsOCI.ts getRef)");
    }

    /** {@code namespace/id}: the repository in the registry's API paths. */
    public String path() {
        return namespace + "/" + id;
    }

    /** The digest when given, else the tag: what the manifest is asked for by. */
    public String version() {
        return digest != null ? digest : tag;
    }

    /** {@code registry/namespace/id@digest}, as devcontainer-lock.json's {@code resolved} writes it. */
    public String pinned(String manifestDigest) {
        return registry + "/" + path() + "@" + manifestDigest;
    }

    /** The URL scheme the CLI uses for this registry: {@code http} for a host named localhost, else {@code https}. */
    public String scheme() {
        String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return host.equals("localhost") ? "http" : "https";
    }

    /** The base of the registry's API: {@code https://registry/v2/namespace/id/}. */
    public String apiBase() {
        return scheme() + "://" + registry + "/v2/" + path() + "/";
    }
}
