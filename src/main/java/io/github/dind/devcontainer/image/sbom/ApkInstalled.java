package io.github.dind.devcontainer.image.sbom;

import java.util.ArrayList;
import java.util.List;

/**
 * apk's database of installed packages, {@code /lib/apk/db/installed} (Alpine, Wolfi): one record
 * per package, records separated by blank lines, each line {@code X:value} with a one-letter key
 * (apk-tools' "Installed database" format, the same keys as an index's {@code APKINDEX}):
 * {@code P} name, {@code V} version, {@code A} architecture, {@code o} origin (the source package),
 * {@code L} license. File lines ({@code F}, {@code R}, {@code Z}, ...) are skipped. Every record
 * is an installed package: apk keeps no removed ones.
 */
public final class ApkInstalled {
    private ApkInstalled() {
    }

    /** The packages, in the database's order; a record without P or V is skipped. */
    public static List<OsPackage> parse(String installed) {
        List<OsPackage> packages = new ArrayList<>();
        String name = null;
        String version = null;
        String arch = null;
        String origin = null;
        String license = null;
        for (String line : (installed + "\n\n").split("\\R", -1)) {
            if (line.isBlank()) {
                if (name != null && version != null) {
                    packages.add(new OsPackage(name, version, arch, origin == null || origin.equals(name) ? null : origin,
                            null, license));
                }
                name = version = arch = origin = license = null;
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                continue;
            }
            String value = line.substring(2).strip();
            switch (line.charAt(0)) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> arch = value;
                case 'o' -> origin = value;
                case 'L' -> license = value.isEmpty() ? null : value;
                default -> {
                    // files, checksums, sizes, dependencies: not in the SBOM
                }
            }
        }
        return packages;
    }
}
