package io.github.dind.devcontainer.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsReleaseTest {
    @Test
    void debianStable() {
        OsRelease os = OsRelease.parse("""
                PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
                NAME="Debian GNU/Linux"
                VERSION_ID="13"
                VERSION="13 (trixie)"
                VERSION_CODENAME=trixie
                ID=debian
                """);
        assertThat(os).isEqualTo(new OsRelease("debian", "13", "trixie", "Debian GNU/Linux 13 (trixie)"));
        assertThat(os.distroQualifier()).contains("debian-13");
    }

    @Test
    void debianTestingHasNoVersionId() {
        OsRelease os = OsRelease.parse("PRETTY_NAME=\"Debian GNU/Linux forky/sid\"\nID=debian\nVERSION_CODENAME=forky\n");
        assertThat(os.distroQualifier()).contains("debian-forky");
    }

    @Test
    void nothingKnown() {
        assertThat(OsRelease.parse("# nothing\n").distroQualifier()).isEmpty();
        assertThat(OsRelease.UNKNOWN.release()).isEmpty();
    }
}
