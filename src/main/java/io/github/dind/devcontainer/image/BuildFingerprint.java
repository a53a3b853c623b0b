package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What decides an image's content: the context's bytes, the Dockerfile's path, the build args and
 * the labels, except the source revision; and, when a build sets them, the target stage, the network
 * and the extra hosts of its RUN steps (left out when unset, so an image built before they could be
 * set keeps its fingerprint). Recorded on the image as a label, so an unchanged build
 * is recognised without asking the daemon to build.
 *
 * <p>The revision ({@code org.opencontainers.image.revision}, the commit checked out) is left out:
 * a commit that changes none of the devcontainer's files must not rebuild the image (and throw away
 * the reused verify verdict, and leave the old image dangling). The image keeps the revision it was
 * built at, a commit whose devcontainer files are the ones it was built from.
 */
final class BuildFingerprint {
    static final String LABEL = "io.github.dind.devcontainer.fingerprint";
    /** The OCI annotation of the source revision (opencontainers/image-spec, annotations.md). */
    static final String REVISION_LABEL = "org.opencontainers.image.revision";
    private static final Set<String> NOT_CONTENT = Set.of(REVISION_LABEL);

    private BuildFingerprint() {
    }

    static String of(String contextSha256, String dockerfile, Map<String, String> buildArgs, Map<String, String> labels) {
        return of(contextSha256, dockerfile, buildArgs, labels, null, null, List.of());
    }

    /**
     * @param target the stage built; null for the last
     * @param network the RUN steps' network mode; null for the daemon's default
     * @param extraHosts the RUN steps' extra {@code /etc/hosts} lines, in order
     */
    static String of(String contextSha256, String dockerfile, Map<String, String> buildArgs, Map<String, String> labels,
            String target, String network, List<String> extraHosts) {
        StringBuilder text = new StringBuilder()
                .append("context ").append(contextSha256).append('\n')
                .append("dockerfile ").append(dockerfile).append('\n');
        if (target != null) {
            text.append("target ").append(target).append('\n');
        }
        if (network != null) {
            text.append("network ").append(network).append('\n');
        }
        extraHosts.forEach(host -> text.append("host ").append(host).append('\n'));
        new TreeMap<>(buildArgs).forEach((k, v) -> text.append("arg ").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(labels).forEach((k, v) -> {
            if (!NOT_CONTENT.contains(k)) {
                text.append("label ").append(k).append('=').append(v).append('\n');
            }
        });
        return "sha256:" + Sha256.hex(text.toString());
    }
}
