package io.github.dind.devcontainer.build;

import io.github.dind.devcontainer.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * What decides an image's content: the context's bytes, the Dockerfile's path, the build args and
 * the labels. Recorded on the image as a label, so an unchanged build is recognised without asking
 * the daemon to build.
 */
final class BuildFingerprint {
    static final String LABEL = "io.github.dind.devcontainer.fingerprint";

    private BuildFingerprint() {
    }

    static String of(String contextSha256, String dockerfile, Map<String, String> buildArgs, Map<String, String> labels) {
        StringBuilder text = new StringBuilder()
                .append("context ").append(contextSha256).append('\n')
                .append("dockerfile ").append(dockerfile).append('\n');
        new TreeMap<>(buildArgs).forEach((k, v) -> text.append("arg ").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(labels).forEach((k, v) -> text.append("label ").append(k).append('=').append(v).append('\n'));
        return "sha256:" + Sha256.hex(text.toString());
    }
}
