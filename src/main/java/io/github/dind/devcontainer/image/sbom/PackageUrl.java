package io.github.dind.devcontainer.image.sbom;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs (purl) of OS packages, canonical as the purl specification writes them
 * (package-url/purl-spec, docs/standard/characters-and-encoding.md: everything but the
 * alphanumerics, {@code .-_~} and the colon is percent-encoded as UTF-8, so {@code +} becomes
 * {@code %2B} and an epoch's colon stays; qualifiers sorted by key). The types:
 * <ul>
 *   <li>{@code deb} (types/deb-definition.json): namespace the vendor ({@code debian},
 *       {@code ubuntu}), lower-cased name, the version as dpkg has it, qualifiers {@code arch} and
 *       {@code distro}: {@code pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64&distro=debian-13}</li>
 *   <li>{@code apk} (types/apk-definition.json): namespace the vendor ({@code alpine},
 *       {@code wolfi}), lower-cased name, qualifier {@code arch}:
 *       {@code pkg:apk/alpine/curl@7.83.0-r0?arch=x86}</li>
 * </ul>
 * The packageurl-java library (1.5.0) percent-encodes the colon too, which the specification forbids.
 */
public final class PackageUrl {
    private PackageUrl() {
    }

    /**
     * @param type {@code deb} or {@code apk}
     * @param vendor the namespace, lower-cased here
     * @param qualifiers null values are left out
     */
    public static String of(String type, String vendor, String name, String version, Map<String, String> qualifiers) {
        StringBuilder purl = new StringBuilder("pkg:").append(type).append('/')
                .append(encode(vendor.toLowerCase(Locale.ROOT))).append('/')
                .append(encode(name.toLowerCase(Locale.ROOT)));
        if (version != null) {
            purl.append('@').append(encode(version));
        }
        Map<String, String> sorted = new TreeMap<>();
        qualifiers.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                sorted.put(key.toLowerCase(Locale.ROOT), value);
            }
        });
        String separator = "?";
        for (Map.Entry<String, String> q : sorted.entrySet()) {
            purl.append(separator).append(q.getKey()).append('=').append(encode(q.getValue()));
            separator = "&";
        }
        return purl.toString();
    }

    /** Percent-encodes all but {@code A-Z a-z 0-9 . - _ ~ :}. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
