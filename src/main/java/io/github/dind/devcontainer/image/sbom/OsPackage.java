package io.github.dind.devcontainer.image.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One package as the image's package manager recorded it.
 *
 * @param name the binary package's name ({@code Package:} of dpkg, {@code P:} of apk)
 * @param version its version as the package manager writes it, epoch included ({@code 1:2.3-4})
 * @param architecture {@code Architecture:} / {@code A:}; null when not recorded
 * @param source the source package ({@code Source:} of dpkg, {@code o:} (origin) of apk); null when it is
 *     the package's own name or not recorded
 * @param sourceVersion the source package's version when dpkg records one that differs ({@code Source: glibc (2.41-6)}); else null
 * @param license the license as recorded ({@code L:} of apk; dpkg records none); null when not recorded
 */
public record OsPackage(String name, String version, String architecture, String source, String sourceVersion,
        String license) {
    public OsPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** The packages sorted by name, then version: the order the SBOM lists them in, whatever the database's. */
    static List<OsPackage> sorted(List<OsPackage> packages) {
        return packages.stream().sorted(java.util.Comparator.comparing(OsPackage::name)
                .thenComparing(OsPackage::version).thenComparing(p -> Objects.toString(p.architecture(), ""))).toList();
    }
}
