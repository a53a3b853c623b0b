package io.github.dind.devcontainer.image.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the image's package manager says is installed, read from the files copied out of the image
 * ({@link #FILES}): dpkg's status (and distroless images' {@code status.d/}), else apk's installed
 * database; the distribution from os-release. When neither database is there (a distroless base
 * without {@code status.d}, {@code scratch}) or it lists nothing, the inventory is
 * {@link #complete() incomplete} and says why: the SBOM must not look complete then.
 *
 * @param manager {@code dpkg} or {@code apk}; null when no database was found
 * @param databases the database files read, as paths in the image
 * @param packages the installed packages, sorted by name
 * @param os the distribution; {@link OsRelease#UNKNOWN} without os-release
 * @param unlisted why the packages could not be listed; null when they were
 */
public record PackageInventory(String manager, List<String> databases, List<OsPackage> packages, OsRelease os,
        String unlisted) {
    public static final String DPKG_STATUS = "/var/lib/dpkg/status";
    public static final String DPKG_STATUS_D = "/var/lib/dpkg/status.d";
    public static final String APK_INSTALLED = "/lib/apk/db/installed";
    /** os-release: {@code /etc/os-release} is often a link to this one, and a copied link has no content. */
    public static final String USR_OS_RELEASE = "/usr/lib/os-release";
    public static final String ETC_OS_RELEASE = "/etc/os-release";
    /** The paths to copy out of the image, files or folders. */
    public static final List<String> FILES = List.of(DPKG_STATUS, DPKG_STATUS_D, APK_INSTALLED, USR_OS_RELEASE,
            ETC_OS_RELEASE);

    public PackageInventory {
        databases = List.copyOf(databases);
        packages = OsPackage.sorted(packages);
    }

    public boolean complete() {
        return unlisted == null;
    }

    /**
     * Reads the inventory from what was copied out of the image.
     *
     * @param files regular files by their path in the image (a folder's files under the folder's path),
     *     absent when the image has no such file
     */
    public static PackageInventory of(Map<String, byte[]> files) {
        OsRelease os = Optional.ofNullable(files.get(USR_OS_RELEASE)).or(() -> Optional.ofNullable(files.get(ETC_OS_RELEASE)))
                .map(bytes -> OsRelease.parse(text(bytes))).orElse(OsRelease.UNKNOWN);
        Map<String, byte[]> dpkg = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.equals(DPKG_STATUS) || path.startsWith(DPKG_STATUS_D + "/") && !path.endsWith(".md5sums")) {
                dpkg.put(path, bytes);
            }
        });
        if (!dpkg.isEmpty()) {
            List<OsPackage> packages = new ArrayList<>();
            dpkg.values().forEach(bytes -> packages.addAll(DpkgStatus.parse(text(bytes))));
            return listed("dpkg", List.copyOf(dpkg.keySet()), packages, os);
        }
        if (files.containsKey(APK_INSTALLED)) {
            return listed("apk", List.of(APK_INSTALLED), ApkInstalled.parse(text(files.get(APK_INSTALLED))), os);
        }
        return new PackageInventory(null, List.of(), List.of(), os, "the image has no package database the plugin"
                + " reads (neither " + DPKG_STATUS + ", " + DPKG_STATUS_D + "/ nor " + APK_INSTALLED
                + "): a distroless or scratch base, or a package manager other than dpkg and apk");
    }

    private static PackageInventory listed(String manager, List<String> databases, List<OsPackage> packages, OsRelease os) {
        return new PackageInventory(manager, databases, packages, os, packages.isEmpty()
                ? String.join(", ", databases) + " lists no installed package" : null);
    }

    /** The purl of a package of this inventory's manager and distribution. */
    public String purl(OsPackage p) {
        if ("apk".equals(manager)) {
            return PackageUrl.of("apk", Optional.ofNullable(os.id()).orElse("alpine"), p.name(), p.version(),
                    Map.of("arch", Optional.ofNullable(p.architecture()).orElse("")));
        }
        Map<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("arch", p.architecture());
        qualifiers.put("distro", os.distroQualifier().orElse(null));
        return PackageUrl.of("deb", Optional.ofNullable(os.id()).orElse("debian"), p.name(), p.version(), qualifiers);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
