package io.github.dind.devcontainer.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgStatusTest {
    /** Stanzas as Debian 13 writes them (abridged descriptions), with the states dpkg leaves behind. */
    static final String STATUS = """
            Package: libc6
            Status: install ok installed
            Priority: optional
            Section: libs
            Installed-Size: 12983
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
            Architecture: amd64
            Multi-Arch: same
            Source: glibc
            Version: 2.41-12
            Depends: libgcc-s1
            Description: GNU C Library: Shared libraries
             Contains the standard libraries that are used by nearly all programs on
             the system. This package includes shared versions of the standard C library
             .
             and the standard math library, as well as many others.
            Homepage: https://www.gnu.org/software/libc/libc.html

            Package: attr
            Status: install ok installed
            Architecture: amd64
            Source: attr (1:2.5.2-3)
            Version: 1:2.5.2-3+b1
            Description: utilities for manipulating filesystem extended attributes

            Package: old-tool
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1
            Description: removed, its configuration files kept

            Package: purged
            Status: purge ok not-installed
            Architecture: amd64
            Version: 2.0-1

            Package: half
            Status: install reinstreq half-installed
            Architecture: amd64
            Version: 3.0-1

            Package: held
            Status: hold ok installed
            Architecture: all
            Version: 5.2.37-2
            Conffiles:
             /etc/held.conf 0123456789abcdef0123456789abcdef
            """;

    @Test
    void listsTheInstalledPackagesOnly() {
        List<OsPackage> packages = DpkgStatus.parse(STATUS);
        assertThat(packages).extracting(OsPackage::name).containsExactly("libc6", "attr", "held");
    }

    @Test
    void readsVersionArchitectureAndSource() {
        List<OsPackage> packages = DpkgStatus.parse(STATUS);
        assertThat(packages.get(0)).isEqualTo(new OsPackage("libc6", "2.41-12", "amd64", "glibc", null, null));
        // a binNMU: the source's version differs from the binary's, epoch kept in both
        assertThat(packages.get(1)).isEqualTo(new OsPackage("attr", "1:2.5.2-3+b1", "amd64", null, "1:2.5.2-3", null));
        assertThat(packages.get(2).architecture()).isEqualTo("all");
    }

    @Test
    void aMultiLineDescriptionDoesNotStartAStanza() {
        assertThat(DpkgStatus.stanzas(STATUS)).hasSize(6);
        assertThat(DpkgStatus.stanzas(STATUS).get(0).get("description"))
                .startsWith("GNU C Library: Shared libraries\nContains the standard libraries")
                .endsWith("many others.");
    }

    @Test
    void aDistrolessStanzaWithoutStatusIsInstalled() {
        // gcr.io/distroless writes one file per package into /var/lib/dpkg/status.d, without Status
        String distroless = "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\nSource: base-files\n";
        assertThat(DpkgStatus.parse(distroless))
                .containsExactly(new OsPackage("base-files", "12.4+deb12u5", "amd64", null, null, null));
    }

    @Test
    void crlfTrailingBlanksAndFieldCaseAreTolerated() {
        assertThat(DpkgStatus.parse("package: a\r\nVERSION: 1\r\nStatus: install ok installed\r\n\r\n\r\nPackage: b\n"))
                .extracting(OsPackage::name).containsExactly("a");
    }

    @Test
    void nothingInNothingOut() {
        assertThat(DpkgStatus.parse("")).isEmpty();
        assertThat(DpkgStatus.parse("\n\n")).isEmpty();
    }
}
