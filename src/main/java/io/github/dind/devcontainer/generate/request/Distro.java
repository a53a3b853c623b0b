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
 *
 * <p>The glibc distributions also get what a JetBrains IDE backend (IntelliJ IDEA's remote development
 * server, which JetBrains' dev container support starts inside) needs beside curl and procps: unzip,
 * libXext, libXrender, libXtst, libXi and FreeType ({@link #JETBRAINS_LIBRARIES}). The list is JetBrains'
 * own: "curl, unzip, ps, libxext, libxrender, libxtst, libxi, freetype, procps, gcompat" (Dev Containers,
 * "Prerequisites and limitations", https://www.jetbrains.com/help/webstorm/2024.1/prerequisites-for-dev-containers.html;
 * the README of github.com/JetBrains/devcontainers-examples); gcompat, Alpine's glibc shim, is left out
 * because JetBrains' backend needs "any glibc-based Docker image (that is, not on Alpine)"
 * (https://www.jetbrains.com/help/go/prerequisites.html, remote development prerequisites). Alpine gets
 * none of it: {@link #jetbrainsBackend()} is false there.
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
     * dnsmasq.yaml. iptables ships both iptables-nft and iptables-legacy. The JetBrains backend's
     * libraries are libxext.yaml, libxrender.yaml, libxtst.yaml, libxi.yaml and freetype.yaml (each
     * package named as its file), and unzip.yaml.
     */
    WOLFI("wolfi", "cgr.dev/chainguard/wolfi-base:latest", PackageManager.APK, true, List.of(
            "bash", "ca-certificates-bundle", "curl", "git", "git-lfs", "dumb-init",
            "dockerd", "docker-cli", "docker-cli-buildx", "docker-compose", "fuse-overlayfs",
            "iptables", "ip6tables", "iproute2", "dnsmasq", "xz", "procps",
            "libstdc++", "libgcc", "posix-libc-utils",
            "unzip", "libxext", "libxrender", "libxtst", "libxi", "freetype")),
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
     * depend on that. The JetBrains backend's libraries (`apt-cache show` in debian:trixie): unzip,
     * libxext6, libxrender1, libxtst6, libxi6, libfreetype6; none is in the base image, and together with
     * what they pull in (libx11-6, libxcb1, libpng16-16t64, x11-common ...) they add 5.9 MB (the
     * build-debian IT's image, docker image inspect: 987.3 MB before, 993.2 MB after).
     */
    DEBIAN("debian", "debian:trixie", PackageManager.APT, true, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "docker-cli", "docker-buildx", "docker-compose", "fuse-overlayfs",
            "iptables", "iproute2", "dnsmasq-base", "xz-utils", "procps",
            "libstdc++6", "libgcc-s1",
            "unzip", "libxext6", "libxrender1", "libxtst6", "libxi6", "libfreetype6")),
    /*
     * Ubuntu 24.04: `docker.io` still ships both dockerd and the client (no separate docker-cli
     * package in noble). The plugins are `docker-buildx` and `docker-compose-v2` (packages.ubuntu.com,
     * noble universe; `docker-compose` there is only a virtual package it provides). dumb-init and
     * fuse-overlayfs come from universe, which the official image enables; `dnsmasq-base`, `iproute2`
     * and `xz-utils` from main. The Dockerfile checks that every command the devcontainer needs is
     * present, so a package layout change fails the build instead of the container. The JetBrains
     * backend's libraries keep Debian's names in noble (packages.ubuntu.com/noble: libxext6, libxrender1,
     * libxtst6, libxi6, libfreetype6 in main; unzip in main).
     */
    UBUNTU("ubuntu", "ubuntu:24.04", PackageManager.APT, true, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "docker-buildx", "docker-compose-v2", "fuse-overlayfs",
            "iptables", "iproute2", "dnsmasq-base", "xz-utils", "procps",
            "libstdc++6", "libgcc-s1",
            "unzip", "libxext6", "libxrender1", "libxtst6", "libxi6", "libfreetype6"));

    /**
     * The shared libraries (sonames) a JetBrains IDE backend loads beside glibc's, as the loader cache
     * ({@code ldconfig -p}) lists them: the Dockerfile checks them at build time on every distribution
     * whose {@link #jetbrainsBackend()} is true. Source: the package list in the class comment.
     */
    public static final List<String> JETBRAINS_LIBRARIES = List.of(
            "libXext.so.6", "libXrender.so.1", "libXtst.so.6", "libXi.so.6", "libfreetype.so.6");

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

    /**
     * Whether a JetBrains IDE can open a devcontainer on this distribution: its remote IDE backend runs
     * on glibc-based images only, "not on Alpine" (JetBrains, remote development prerequisites,
     * https://www.jetbrains.com/help/go/prerequisites.html). True exactly where {@link #glibc()} is.
     */
    public boolean jetbrainsBackend() {
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
