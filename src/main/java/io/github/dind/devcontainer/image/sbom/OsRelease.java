package io.github.dind.devcontainer.image.sbom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The image's {@code /etc/os-release} (os-release(5)): {@code KEY=value} lines, values optionally
 * quoted in shell style. What the SBOM takes from it: the distribution's {@code ID}, its
 * {@code VERSION_ID} (absent on Debian testing and Wolfi's rolling release, then {@code VERSION_CODENAME}),
 * and {@code PRETTY_NAME}.
 */
public record OsRelease(String id, String versionId, String codename, String prettyName) {
    /** Nothing known: no os-release in the image. */
    public static final OsRelease UNKNOWN = new OsRelease(null, null, null, null);

    public static OsRelease parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || eq < 1) {
                continue;
            }
            values.put(trimmed.substring(0, eq), unquote(trimmed.substring(eq + 1)));
        }
        return new OsRelease(blankToNull(values.get("ID")), blankToNull(values.get("VERSION_ID")),
                blankToNull(values.get("VERSION_CODENAME")), blankToNull(values.get("PRETTY_NAME")));
    }

    /** The release: {@code VERSION_ID}, else {@code VERSION_CODENAME}; empty when neither is there. */
    public Optional<String> release() {
        return Optional.ofNullable(versionId != null ? versionId : codename);
    }

    /** The purl {@code distro} qualifier: {@code debian-13}, {@code debian-forky}; empty without an ID or release. */
    public Optional<String> distroQualifier() {
        return id == null ? Optional.empty() : release().map(r -> id + "-" + r);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\([\"'$`\\\\])", "$1");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
