package io.github.dind.devcontainer.generate.request;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules {@link GenerateRequest.Builder} checks values against; each broken one adds a violation. */
final class RequestRules {
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final String USER_RULE = "a Linux user name: a lower-case letter or _, then up to 31"
            + " lower-case letters, digits, _ or -";
    /** A Marketplace extension id, optionally with a version or {@code @prerelease} (the vscode schema's pattern). */
    private static final Pattern EXTENSION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*\\.[a-zA-Z0-9][a-zA-Z0-9-]*"
            + "(?:@(?:prerelease|(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)))?");
    /**
     * A JetBrains Marketplace plugin id, the {@code <id>} of its plugin.xml: "characters, numbers, and
     * '.'/'-'/'_' symbols only" (IntelliJ Platform Plugin SDK, "Plugin Configuration File", {@code id};
     * JetBrains' plugin verifier checks {@code ^[\w.-]+$}), at most 255 of them here.
     */
    private static final Pattern JETBRAINS_PLUGIN = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    /** devcontainer.json's forwardPorts: a port, or {@code host:port} (the base schema's pattern). */
    private static final Pattern FORWARD_PORT = Pattern.compile("(?:[a-z0-9-]+:)?([0-9]{1,5})");

    private RequestRules() {
    }

    static InvalidRequestException.Violation violation(String parameter, String value, String rule) {
        return new InvalidRequestException.Violation(parameter, Objects.toString(value, null), rule);
    }

    /** Free text: present, at most {@code maxLength} code points, no control or formatting characters. */
    static void checkText(String parameter, String value, int maxLength, List<InvalidRequestException.Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(violation(parameter, value, "a non-empty text"));
            return;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problems.add(violation(parameter, value, "at most " + maxLength + " characters long"));
        }
        if (value.codePoints().anyMatch(RequestRules::isControl)) {
            problems.add(violation(parameter, value, "free of control and formatting characters"
                    + " (newlines, tabs, escape sequences, bidirectional overrides)"));
        }
    }

    static void checkUser(String remoteUser, List<InvalidRequestException.Violation> problems) {
        if (remoteUser == null || !USER.matcher(remoteUser).matches()) {
            problems.add(violation("remoteUser", remoteUser, USER_RULE));
        }
    }

    static void checkExtensions(List<String> extensions, List<InvalidRequestException.Violation> problems) {
        for (String extension : extensions) {
            if (extension == null || !EXTENSION.matcher(extension.strip()).matches()) {
                problems.add(violation("extensions", extension, "a VS Code extension id, publisher.name"
                        + " (letters, digits and -), optionally @version or @prerelease"));
            }
        }
    }

    static void checkJetbrainsPlugins(List<String> plugins, List<InvalidRequestException.Violation> problems) {
        for (String plugin : plugins) {
            if (plugin == null || !JETBRAINS_PLUGIN.matcher(plugin.strip()).matches()) {
                problems.add(violation("jetbrainsPlugins", plugin, "a JetBrains Marketplace plugin id such as"
                        + " org.intellij.plugins.hcl (up to 255 letters, digits, '.', '-' and '_'; the plugin page"
                        + " lists it under Additional Information)"));
            }
        }
    }

    static void checkForwardPorts(List<String> forwardPorts, List<InvalidRequestException.Violation> problems) {
        for (String port : forwardPorts) {
            Matcher m = port == null ? null : FORWARD_PORT.matcher(port.strip());
            if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
                problems.add(violation("forwardPorts", port, "a port from 1 to 65535, or host:port with a host"
                        + " of lower-case letters, digits and -"));
            }
        }
    }

    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x2028 || codePoint == 0x2029;
    }

    /**
     * {@code preloadImages}: each a reference Docker accepts (distribution/reference's grammar, as
     * {@link io.github.dind.devcontainer.devcontainer.ImageReference} reads it); blanks dropped, repeats kept once.
     *
     * @return the valid references, stripped, in the given order
     */
    static List<String> checkPreloadImages(List<String> images, List<InvalidRequestException.Violation> problems) {
        java.util.LinkedHashSet<String> valid = new java.util.LinkedHashSet<>();
        for (String image : images) {
            if (image == null || image.isBlank()) {
                continue;
            }
            String reference = image.strip();
            if (!io.github.dind.devcontainer.devcontainer.ImageReference.isValid(reference)) {
                problems.add(violation("preloadImages", image,
                        io.github.dind.devcontainer.devcontainer.ImageReference.RULE));
            } else if (io.github.dind.devcontainer.devcontainer.ImageReference.parse(reference).digest().isPresent()) {
                // moby's image save writes no name for a digest reference (image/tarexport/save.go
                // addAssoc): the loaded image would have none, and Testcontainers would pull it again
                problems.add(violation("preloadImages", image, "an image named by its tag (name:tag), not by a"
                        + " digest: docker save keeps only tags, so the inner daemon would get it without its name"));
            } else {
                // a bare name is its latest tag (docker save of a bare name would save every tag the host has)
                valid.add(io.github.dind.devcontainer.devcontainer.ImageReference.parse(reference).tagged());
            }
        }
        return List.copyOf(valid);
    }
}
