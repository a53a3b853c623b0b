package io.github.dind.devcontainer.generate.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Linux distribution the devcontainer can be built on: its default base image, package manager
 * and the names it gives the packages the image needs.
 *
 * <p>Every image gets: bash (root's login shell too), git, git-lfs, curl, CA certificates, dumb-init
 * (PID 1), the Docker daemon, the Docker client with its buildx and compose plugins, fuse-overlayfs
 * (the inner daemon's storage driver when {@code /var/lib/docker} sits on the container's overlayfs:
 * startup.sh picks it there, since overlay2 and the containerd image store's overlayfs snapshotter
 * cannot mount on overlayfs and Docker 29 never falls back on its own), iptables (the daemon's
 * networking), iproute2 ({@code ip}, which startup.sh asks for the uplink address), dnsmasq (the DNS
 * forwarder startup.sh starts when the devcontainer's only resolver is a loopback one), xz (dockerd
 * loads {@code .tar.xz} images with it), procps ({@code ps}, {@code pgrep}), and what the VS Code
 * server needs: glibc or musl, libstdc++, libgcc_s, {@code getconf} and {@code ldd}.
 */
public enum Distro {
    /*
     * Wolfi (wolfi-dev/os): since wolfi-dev/os#68945 / #71048 the daemon is the `dockerd` subpackage of
     * docker.yaml (it depends on containerd, iptables, ip6tables, fuse-overlayfs, iproute2, xz and
     * procps); `docker-dind` only ships the `dind` wrapper script. The client is `docker-cli`; the
     * plugins are `docker-cli-buildx` (docker-cli-buildx.yaml, installed into
     * /usr/libexec/docker/cli-plugins) and `docker-compose` (docker-compose.yaml: /usr/bin/docker-compose
     * plus the cli-plugins symlink that makes `docker compose` work). CA certificates are
     * `ca-certificates-bundle`; the VS Code server libraries are the `libstdc++` and `libgcc` subpackages
     * of gcc.yaml; `getconf`, `getent` and `ldd` are glibc's `posix-libc-utils` (glibc-2.43.yaml,
     * which also runs ldconfig after every apk commit, so `ldconfig -p` lists libstdc++). `dnsmasq` is
     * dnsmasq.yaml. iptables ships both iptables-nft and iptables-legacy.
     */
    WOLFI("wolfi", "cgr.dev/chainguard/wolfi-base:latest", PackageManager.APK, true, List.of(
            "bash", "ca-certificates-bundle", "curl", "git", "git-lfs", "dumb-init",
            "dockerd", "docker-cli", "docker-cli-buildx", "docker-compose", "fuse-overlayfs",
            "iptables", "ip6tables", "iproute2", "dnsmasq", "xz", "procps",
            "libstdc++", "libgcc", "posix-libc-utils")),
    /*
     * Alpine: the daemon is `docker-engine`, the client `docker-cli` (the `docker` meta package pulls
     * in both plus buildx and compose); the plugins are `docker-cli-buildx` and `docker-cli-compose`
     * (aports community/docker-cli-buildx and community/docker-cli-compose, both installed into
     * /usr/libexec/docker/cli-plugins). Since 3.19 `iptables` is the nft variant and the legacy one is
     * the separate `iptables-legacy` package (still in 3.24, docker-library/docker#577); startup.sh
     * picks whichever can create a chain. `procps` is `procps-ng`; `dnsmasq` is main/dnsmasq. musl
     * needs `libstdc++` and `libgcc` for the VS Code server; `getconf` and `ldd` come with the base
     * image's musl-utils.
     */
    ALPINE("alpine", "alpine:3.24", PackageManager.APK, false, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker-engine", "docker-cli", "docker-cli-buildx", "docker-cli-compose", "fuse-overlayfs",
            "iptables", "ip6tables", "iptables-legacy", "iproute2", "dnsmasq", "xz", "procps-ng",
            "libstdc++", "libgcc")),
    /*
     * Debian trixie: `docker.io` ships dockerd (and depends on containerd, runc and tini); the client
     * moved to the separate `docker-cli` package. The plugins are `docker-buildx` and `docker-compose`
     * (compose v2, a cli-plugin), found with `apt-cache policy` in debian:trixie (docker-buildx
     * 0.13.1, docker-compose 2.26.1) and debian:forky (0.29.1, 2.40.3). `iptables` ships both the nft
     * and legacy variants. xz-utils is only a Recommends of docker.io, which --no-install-recommends
     * drops; the DNS forwarder is `dnsmasq-base` (the binary without the system service of `dnsmasq`).
     * libstdc++6 and libgcc-s1 are already in the base image; they are listed so the image does not
     * depend on that.
     */
    DEBIAN("debian", "debian:trixie", PackageManager.APT, true, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "docker-cli", "docker-buildx", "docker-compose", "fuse-overlayfs",
            "iptables", "iproute2", "dnsmasq-base", "xz-utils", "procps",
            "libstdc++6", "libgcc-s1")),
    /*
     * Ubuntu 24.04: `docker.io` still ships both dockerd and the client (no separate docker-cli
     * package in noble). The plugins are `docker-buildx` and `docker-compose-v2` (packages.ubuntu.com,
     * noble universe; `docker-compose` there is only a virtual package it provides). dumb-init and
     * fuse-overlayfs come from universe, which the official image enables; `dnsmasq-base`, `iproute2`
     * and `xz-utils` from main. The Dockerfile checks that every command the devcontainer needs is
     * present, so a package layout change fails the build instead of the container.
     */
    UBUNTU("ubuntu", "ubuntu:24.04", PackageManager.APT, true, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "docker-buildx", "docker-compose-v2", "fuse-overlayfs",
            "iptables", "iproute2", "dnsmasq-base", "xz-utils", "procps",
            "libstdc++6", "libgcc-s1"));

    /** Extra packages for a non-root remote user: a narrow sudo rule lets it revive dockerd. */
    static final List<String> NON_ROOT_PACKAGES = List.of("sudo");

    private final String id;
    private final String defaultBaseImage;
    private final PackageManager packageManager;
    private final boolean glibc;
    private final List<String> packages;

    Distro(String id, String defaultBaseImage, PackageManager packageManager, boolean glibc, List<String> packages) {
        this.id = id;
        this.defaultBaseImage = defaultBaseImage;
        this.packageManager = packageManager;
        this.glibc = glibc;
        this.packages = packages;
    }

    public String id() {
        return id;
    }

    public String defaultBaseImage() {
        return defaultBaseImage;
    }

    public PackageManager packageManager() {
        return packageManager;
    }

    /**
     * Whether the C library is glibc (musl otherwise): the VS Code server then finds libstdc++ through
     * the loader cache ({@code ldconfig -p}), which the Dockerfile checks at build time.
     */
    public boolean glibc() {
        return glibc;
    }

    /** The packages every devcontainer on this distribution gets. */
    public List<String> packages() {
        return packages;
    }

    /**
     * Looks a distribution up by its id, ignoring case.
     *
     * @throws IllegalArgumentException whose message names the valid ids ("one of ...")
     */
    public static Distro fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(d -> d.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("one of " + ids()));
    }

    /** The valid ids, for messages: {@code wolfi, alpine, debian, ubuntu}. */
    public static String ids() {
        return Arrays.stream(values()).map(Distro::id).collect(Collectors.joining(", "));
    }
}
