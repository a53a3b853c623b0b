package io.github.dind.devcontainer.generate.request;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The package names each distribution gives the parts of the image. Only debian is built in CI (no
 * registry is reachable there), so these pin the names looked up at their source for the others:
 * wolfi-dev/os (docker.yaml, docker-cli-buildx.yaml, docker-compose.yaml, glibc-2.43.yaml,
 * dnsmasq.yaml), alpine aports (community/docker-cli-buildx, community/docker-cli-compose,
 * main/dnsmasq) and packages.ubuntu.com (noble universe: docker-buildx, docker-compose-v2).
 */
class DistroTest {

    @Test
    void wolfiHasThePluginsTheLibcUtilitiesAndTheForwarder() {
        assertThat(Distro.WOLFI.packages()).contains(
                "dockerd", "docker-cli", "docker-cli-buildx", "docker-compose",
                "posix-libc-utils", "dnsmasq", "iproute2", "xz", "iptables", "ip6tables", "fuse-overlayfs");
        assertThat(Distro.WOLFI.glibc()).isTrue();
    }

    @Test
    void alpineHasThePluginsUnderTheirAportsNames() {
        assertThat(Distro.ALPINE.packages()).contains(
                "docker-engine", "docker-cli", "docker-cli-buildx", "docker-cli-compose",
                "iptables-legacy", "dnsmasq", "iproute2", "xz");
        // `docker-compose` on alpine is the old python v1; the v2 plugin is docker-cli-compose
        assertThat(Distro.ALPINE.packages()).doesNotContain("docker-compose");
        assertThat(Distro.ALPINE.glibc()).isFalse();
    }

    @Test
    void debianHasThePluginsAndXzThatRecommendsWouldHaveBrought() {
        assertThat(Distro.DEBIAN.packages()).contains(
                "docker.io", "docker-cli", "docker-buildx", "docker-compose", "xz-utils", "dnsmasq-base", "iproute2");
    }

    @Test
    void ubuntuHasComposeV2AndNoSeparateClient() {
        assertThat(Distro.UBUNTU.packages()).contains(
                "docker.io", "docker-buildx", "docker-compose-v2", "xz-utils", "dnsmasq-base", "iproute2");
        // noble has no docker-cli package, and its docker-compose is only a virtual package
        assertThat(Distro.UBUNTU.packages()).doesNotContain("docker-cli", "docker-compose");
    }

    /**
     * JetBrains' list (curl, unzip, ps, libxext, libxrender, libxtst, libxi, freetype, procps, gcompat)
     * under each distribution's names: Debian's from `apt-cache show` in debian:trixie, Ubuntu's from
     * packages.ubuntu.com/noble, Wolfi's from wolfi-dev/os (libxext.yaml ... freetype.yaml, unzip.yaml).
     */
    @Test
    void theGlibcDistrosCarryWhatAJetbrainsBackendLoadsAndAlpineNothingOfIt() {
        assertThat(Distro.WOLFI.packages()).contains("curl", "procps", "unzip", "libxext", "libxrender", "libxtst",
                "libxi", "freetype");
        for (Distro apt : List.of(Distro.DEBIAN, Distro.UBUNTU)) {
            assertThat(apt.packages()).contains("curl", "procps", "unzip", "libxext6", "libxrender1", "libxtst6",
                    "libxi6", "libfreetype6");
        }
        assertThat(Distro.ALPINE.packages()).doesNotContain("unzip", "libxext", "libxtst", "freetype", "gcompat");
        assertThat(Distro.ALPINE.jetbrainsBackend()).isFalse();
        assertThat(List.of(Distro.WOLFI, Distro.DEBIAN, Distro.UBUNTU)).allMatch(Distro::jetbrainsBackend);
        assertThat(Distro.JETBRAINS_LIBRARIES).containsExactly("libXext.so.6", "libXrender.so.1", "libXtst.so.6",
                "libXi.so.6", "libfreetype.so.6");
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void everyDistroListsEachPackageOnce(Distro distro) {
        List<String> packages = distro.packages();
        assertThat(packages).doesNotHaveDuplicates();
        assertThat(packages).contains("bash", "dumb-init", "fuse-overlayfs", "iptables");
    }
}
