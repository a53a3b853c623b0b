package io.github.dind.devcontainer.generate.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image of a Dockerfile's first {@code FROM} instruction, where it stands in the text, and the
 * text with another image there: what the base-image pin reads and rewrites, and what update bots
 * (Renovate's and Dependabot's {@code docker} managers) change. Only a {@code FROM} on one line is
 * read (the generated Dockerfile writes it so); flags such as {@code --platform=...} before the
 * image are skipped, {@code AS name} after it is kept. Comment lines are not instructions (the
 * Dockerfile reference, "Format": a line whose first non-blank character is {@code #}).
 *
 * @param image the image operand as written, e.g. {@code debian:trixie@sha256:...}
 * @param start the offset of its first character in the text
 * @param end the offset after its last character
 */
public record FromLine(String image, int start, int end) {
    private static final Pattern FROM = Pattern.compile(
            "^[ \\t]*(?i:FROM)[ \\t]+(?:--\\S+[ \\t]+)*(\\S+)", Pattern.MULTILINE);

    /** The first {@code FROM} of the text; empty when it has none. */
    public static Optional<FromLine> first(String dockerfile) {
        Matcher m = FROM.matcher(dockerfile);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new FromLine(m.group(1), m.start(1), m.end(1)));
    }

    /** The text with {@code image} in place of this line's image. */
    public String replace(String dockerfile, String replacement) {
        return dockerfile.substring(0, start) + replacement + dockerfile.substring(end);
    }
}
