package io.github.dind.devcontainer.image.features.oci;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a registry's {@code WWW-Authenticate} header (RFC 9110 section 11.6.1; the
 * registry token flow of the distribution spec, "Token Authentication Specification"):
 * {@code Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:owner/id:pull"} or
 * {@code Basic realm="registry"}. devcontainers/cli (httpOCIRegistry.ts) reads only the first scheme
 * and takes {@code realm}, {@code service} and {@code scope} with regular expressions; this parser
 * reads every challenge with its parameters (quoted strings with {@code \} escapes, or tokens), so a
 * header with two challenges, or a comma inside a quoted scope, reads right. (A token68 challenge,
 * {@code Negotiate abc==}, is not read: registries do not send one.)
 *
 * @param scheme lower case: {@code bearer}, {@code basic}, ...
 * @param params by lower-case name
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    public AuthChallenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A parameter by name (any case); null when absent. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every challenge in the header, in its order; empty for a blank header. */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> challenges = new ArrayList<>();
        if (header == null) {
            return challenges;
        }
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && " \t,=".indexOf(header.charAt(i)) < 0) {
                i++;
            }
            String token = header.substring(start, i);
            int afterToken = i;
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i) == '=' && scheme != null) {
                i++;
                while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                    i++;
                }
                StringBuilder value = new StringBuilder();
                if (i < n && header.charAt(i) == '"') {
                    i++;
                    while (i < n && header.charAt(i) != '"') {
                        if (header.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(header.charAt(i++));
                    }
                    i++; // the closing quote
                } else {
                    while (i < n && header.charAt(i) != ',' && header.charAt(i) != ' ' && header.charAt(i) != '\t') {
                        value.append(header.charAt(i++));
                    }
                }
                params.put(token.toLowerCase(Locale.ROOT), value.toString());
            } else if (!token.isEmpty()) {
                if (scheme != null) {
                    challenges.add(new AuthChallenge(scheme, params));
                }
                scheme = token.toLowerCase(Locale.ROOT);
                params = new LinkedHashMap<>();
                i = afterToken;
            } else {
                i++; // a stray '='
            }
        }
        if (scheme != null) {
            challenges.add(new AuthChallenge(scheme, params));
        }
        return challenges;
    }
}
