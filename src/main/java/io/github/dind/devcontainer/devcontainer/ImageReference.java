package io.github.dind.devcontainer.devcontainer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker image reference ({@code [registry[:port]/]path[:tag][@digest]}) checked against the
 * grammar of the distribution project's {@code reference} package, so nothing but a reference can
 * reach a {@code FROM} line or a Docker API call.
 */
public final class ImageReference {
    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[a-fA-F0-9:]+\\])";
    private static final String DOMAIN = HOST + "(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE =
            Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    private static final int MAX_NAME_LENGTH = 255;
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    /** The rule, in words, for error messages. */
    public static final String RULE = "a Docker image reference such as registry.example.com:5000/team/image:tag"
            + " or image@sha256:<digest> (lower-case path, no spaces or shell characters)";

    private final String repository;
    private final String tag;
    private final String digest;

    private ImageReference(String repository, String tag, String digest) {
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    public static boolean isValid(String reference) {
        return tryParse(reference).isPresent();
    }

    /** Parses a reference, or says why it is not one. */
    public static ImageReference parse(String reference) {
        return tryParse(reference).orElseThrow(
                () -> new IllegalArgumentException("'" + reference + "' is not " + RULE));
    }

    private static Optional<ImageReference> tryParse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches() || m.group(1).length() > MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(m.group(1), m.group(2), m.group(3)));
    }

    /** The name without tag and digest, e.g. {@code cgr.dev/chainguard/wolfi-base}. */
    public String repository() {
        return repository;
    }

    /** The tag; {@code latest} when the reference names neither a tag nor a digest. */
    public String tag() {
        return tag != null ? tag : digest == null ? "latest" : null;
    }

    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** The tag as written; empty when the reference names none ({@code debian}, {@code debian@sha256:...}). */
    public Optional<String> writtenTag() {
        return Optional.ofNullable(tag);
    }

    /**
     * This reference pinned to a digest, its tag kept: {@code name:tag@sha256:...}, the form docker and
     * the devcontainer CLI accept in a {@code FROM} (the digest wins; the tag is for people and update
     * bots). A reference without a tag gets {@code latest}, the tag it floated on.
     *
     * @param manifestDigest {@code sha256:<64 hex>}
     * @throws IllegalArgumentException when it is not such a digest
     */
    public ImageReference pinned(String manifestDigest) {
        if (manifestDigest == null || !SHA256.matcher(manifestDigest).matches()) {
            throw new IllegalArgumentException("'" + manifestDigest + "' is not a sha256:<64 hex digits> digest");
        }
        return new ImageReference(repository, tag(), manifestDigest);
    }

    /** The reference without its digest: {@code name:tag}, the tag {@code latest} when none is written. */
    public ImageReference floating() {
        return new ImageReference(repository, tag != null ? tag : "latest", null);
    }

    /** {@code name:tag} of the tag this reference floats on, for messages (the tag {@code latest} when none is written). */
    public String tagged() {
        return repository + ":" + (tag != null ? tag : "latest");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageReference that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
