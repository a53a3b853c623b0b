package io.github.dind.devcontainer.image.sbom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dpkg's database of installed packages, {@code /var/lib/dpkg/status} (and distroless images'
 * {@code /var/lib/dpkg/status.d/*}, one or more stanzas per file): deb822 stanzas separated by
 * blank lines, each field {@code Name: value} with continuation lines that start with a space or
 * a tab (deb-control(5), deb822(5)). A package counts as installed when the third word of its
 * {@code Status:} ({@code want flag status}, dpkg(1) "Package states") is {@code installed}:
 * {@code install ok installed} and {@code hold ok installed} count; {@code deinstall ok config-files},
 * {@code purge ok not-installed} and half-installed states do not. A stanza without {@code Status:}
 * (distroless writes none into status.d) counts as installed.
 */
public final class DpkgStatus {
    /** {@code Source: name} or {@code Source: name (version)} (deb-control(5)). */
    private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s+\\(([^)]+)\\))?");

    private DpkgStatus() {
    }

    /** The installed packages of one status file, in its order; a stanza without Package or Version is skipped. */
    public static List<OsPackage> parse(String status) {
        List<OsPackage> packages = new ArrayList<>();
        for (Map<String, String> stanza : stanzas(status)) {
            String name = stanza.get("package");
            String version = stanza.get("version");
            if (name == null || version == null || !installed(stanza.get("status"))) {
                continue;
            }
            String source = null;
            String sourceVersion = null;
            if (stanza.get("source") != null) {
                Matcher m = SOURCE.matcher(stanza.get("source"));
                if (m.matches()) {
                    source = m.group(1).equals(name) ? null : m.group(1);
                    sourceVersion = m.group(2) == null || m.group(2).equals(version) ? null : m.group(2);
                }
            }
            packages.add(new OsPackage(name, version, stanza.get("architecture"), source, sourceVersion, null));
        }
        return packages;
    }

    private static boolean installed(String status) {
        if (status == null) {
            return true;
        }
        String[] words = status.trim().split("\\s+");
        return words.length == 3 && words[2].equals("installed");
    }

    /** The stanzas, field names lower-cased (deb822 field names are case-insensitive), continuation lines joined. */
    static List<Map<String, String>> stanzas(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String field = null;
        for (String line : text.split("\\R", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    stanzas.add(current);
                    current = new LinkedHashMap<>();
                }
                field = null;
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                if (field != null) {
                    current.merge(field, "\n" + line.strip(), String::concat);
                }
            } else if (!line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    current.put(field, line.substring(colon + 1).strip());
                } else {
                    field = null;
                }
            }
        }
        if (!current.isEmpty()) {
            stanzas.add(current);
        }
        return stanzas;
    }
}
