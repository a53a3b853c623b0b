package io.github.dind.devcontainer.generate.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inner dockerd's registry settings from generate's parameters: {@code registryMirrors}
 * (dockerd's {@code --registry-mirror}, daemon.json {@code registry-mirrors}) and
 * {@code insecureRegistries} ({@code --insecure-registry}, {@code insecure-registries}). The image
 * carries them as {@code DOCKERD_REGISTRY_MIRRORS} and {@code DOCKERD_INSECURE_REGISTRIES}, comma-separated,
 * which startup.sh turns into those flags.
 *
 * <p>The rules are moby's, as dockerd applies them when it loads its configuration (moby
 * {@code registry/config.go}): a mirror is {@code ValidateMirror}'s — an {@code http://} or
 * {@code https://} URL (moby 26 and later accept a path; the distributions' dockerd are 26 to 29)
 * without user info, query or fragment; an insecure registry is {@code loadInsecureRegistries}'s —
 * a CIDR ({@code net.ParseCIDR}), or {@code host[:port]} ({@code validateHostPort}: distribution's
 * domain grammar or an IP address, a port up to 65535) that does not start or end with a hyphen
 * ({@code ValidateIndexName}). Stricter than moby in two places, so that a value stays one word in the
 * Dockerfile's ENV and in startup.sh's list: no comma and no whitespace anywhere, and an insecure
 * registry without a scheme (moby strips {@code http://} with a warning; the entry names a host).
 *
 * @param mirrors the mirrors' URLs as given (order kept: dockerd tries them in order), duplicates dropped
 * @param insecure the insecure registries as given, duplicates dropped
 */
public record InnerRegistries(List<String> mirrors, List<String> insecure) {
    /** The rule for {@code registryMirrors}, in words. */
    static final String MIRROR_RULE = "an http:// or https:// URL of a registry mirror (dockerd's registry-mirrors,"
            + " moby registry/config.go ValidateMirror), such as https://mirror.example.com or http://10.0.0.5:5000,"
            + " without user:password@, query or fragment, and free of commas, spaces, quotes, backslashes, backticks and $";
    /** The rule for {@code insecureRegistries}, in words. */
    static final String INSECURE_RULE = "a registry host[:port] or a CIDR (dockerd's insecure-registries, moby"
            + " registry/config.go loadInsecureRegistries), such as registry.example.com:5000, 10.0.0.5:5000 or"
            + " 10.0.0.0/8, without a scheme (http://) and not starting or ending with a hyphen";

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    /** distribution/reference's domain: dot-separated components or a bracketed IPv6 address, then an optional port. */
    private static final Pattern HOST_PORT = Pattern.compile("(" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT
            + ")*|\\[[a-fA-F0-9:]+\\])(?::([0-9]{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern CIDR = Pattern.compile("([0-9A-Fa-f.:]+)/([0-9]{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?::" + IPV4.pattern() + ")?");

    public InnerRegistries {
        mirrors = List.copyOf(mirrors);
        insecure = List.copyOf(insecure);
    }

    /** None: dockerd's own defaults (Docker Hub, TLS everywhere but 127.0.0.0/8). */
    public static InnerRegistries none() {
        return new InnerRegistries(List.of(), List.of());
    }

    public boolean isEmpty() {
        return mirrors.isEmpty() && insecure.isEmpty();
    }

    /**
     * Checks both lists; each broken value adds a violation naming its parameter. Null lists, and
     * blank entries (a trailing comma in a property), count as none.
     */
    static InnerRegistries of(List<String> mirrors, List<String> insecure,
            List<InvalidRequestException.Violation> problems) {
        List<String> goodMirrors = new ArrayList<>();
        for (String mirror : entries(mirrors)) {
            if (isMirror(mirror)) {
                goodMirrors.add(mirror);
            } else {
                problems.add(RequestRules.violation("registryMirrors", mirror, MIRROR_RULE));
            }
        }
        List<String> goodInsecure = new ArrayList<>();
        for (String registry : entries(insecure)) {
            if (isInsecureRegistry(registry)) {
                goodInsecure.add(registry);
            } else {
                problems.add(RequestRules.violation("insecureRegistries", registry, INSECURE_RULE));
            }
        }
        return new InnerRegistries(new ArrayList<>(new LinkedHashSet<>(goodMirrors)),
                new ArrayList<>(new LinkedHashSet<>(goodInsecure)));
    }

    private static List<String> entries(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** moby's ValidateMirror, plus one word: no comma, whitespace or control character. */
    static boolean isMirror(String value) {
        if (!oneWord(value)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return false;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || value.indexOf('?') >= 0 || value.indexOf('#') >= 0) {
            return false;
        }
        String authority = uri.getRawAuthority();
        return authority != null && !authority.contains("@") && isHostPort(authority);
    }

    /** moby's loadInsecureRegistries: a CIDR, else host[:port]; never a leading or trailing hyphen. */
    static boolean isInsecureRegistry(String value) {
        if (!oneWord(value) || value.startsWith("-") || value.endsWith("-") || value.contains("://")) {
            return false;
        }
        Matcher cidr = CIDR.matcher(value);
        if (cidr.matches()) {
            int bits = Integer.parseInt(cidr.group(2));
            String address = cidr.group(1);
            return IPV4.matcher(address).matches() ? bits <= 32 : isIpv6(address) && bits <= 128;
        }
        return isHostPort(value) || isIpv6(value);
    }

    private static boolean isHostPort(String value) {
        Matcher m = HOST_PORT.matcher(value);
        if (!m.matches()) {
            return false;
        }
        return m.group(2) == null || Integer.parseInt(m.group(2)) <= 65535;
    }

    private static boolean isIpv6(String value) {
        if (!IPV6.matcher(value).matches() || value.split("::", -1).length > 2) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static boolean oneWord(String value) {
        return !value.isEmpty() && value.codePoints().noneMatch(c -> c == ',' || Character.isWhitespace(c)
                || Character.isISOControl(c) || c == '"' || c == '\'' || c == '\\' || c == '`' || c == '$');
    }
}
