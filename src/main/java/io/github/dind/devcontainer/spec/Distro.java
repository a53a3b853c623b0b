package io.github.dind.devcontainer.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Linux distribution the devcontainer can be built on: its default base image, package manager
 * and the names it gives the packages the image needs.
 *
 * <p>Every image gets: bash, git, git-lfs, curl, CA certificates, dumb-init (PID 1), the Docker
 * daemon and the Docker client, fuse-overlayfs (the inner daemon's storage driver when
 * {@code /var/lib/docker} sits on overlayfs), iptables (the daemon's networking), procps
 * ({@code ps}, {@code pgrep}), and the C++ runtime the VS Code server links against (it needs glibc
 * or musl, libstdc++ and libgcc_s).
 */
public enum Distro {
    /*
     * Wolfi (wolfi-dev/os): since wolfi-dev/os#68945 / #71048 the daemon is the `dockerd` subpackage of
     * docker.yaml (it depends on containerd, iptables, ip6tables, fuse-overlayfs and procps);
     * `docker-dind` only ships the `dind` wrapper script. The client is `docker-cli`. CA certificates
     * are `ca-certificates-bundle`; the VS Code server libraries are the `libstdc++` and `libgcc`
     * subpackages of gcc.yaml. iptables ships both iptables-nft and iptables-legacy.
     */
    WOLFI("wolfi", "cgr.dev/chainguard/wolfi-base:latest", PackageManager.APK, List.of(
            "bash", "ca-certificates-bundle", "curl", "git", "git-lfs", "dumb-init",
            "dockerd", "docker-cli", "fuse-overlayfs", "iptables", "ip6tables", "procps",
            "libstdc++", "libgcc")),
    /*
     * Alpine: the daemon is `docker-engine`, the client `docker-cli` (the `docker` meta package pulls
     * in both plus buildx and compose). Since 3.19 `iptables` is the nft variant and the legacy one is
     * the separate `iptables-legacy` package (still in 3.24, docker-library/docker#577); startup.sh
     * picks whichever the kernel supports. `procps` is `procps-ng`. musl needs `libstdc++` and
     * `libgcc` for the VS Code server.
     */
    ALPINE("alpine", "alpine:3.24", PackageManager.APK, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker-engine", "docker-cli", "fuse-overlayfs", "iptables", "ip6tables",
            "iptables-legacy", "procps-ng", "libstdc++", "libgcc")),
    /*
     * Debian trixie: `docker.io` ships dockerd (and depends on containerd, runc and tini); the client
     * moved to the separate `docker-cli` package. `iptables` ships both the nft and legacy variants.
     * libstdc++6 and libgcc-s1 are already in the base image; they are listed so the image does not
     * depend on that.
     */
    DEBIAN("debian", "debian:trixie", PackageManager.APT, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "docker-cli", "fuse-overlayfs", "iptables", "procps",
            "libstdc++6", "libgcc-s1")),
    /*
     * Ubuntu 24.04: `docker.io` still ships both dockerd and the client (no separate docker-cli
     * package in noble). dumb-init and fuse-overlayfs come from universe, which the official image
     * enables. The Dockerfile checks that every command the devcontainer needs is present, so a
     * package layout change fails the build instead of the container.
     */
    UBUNTU("ubuntu", "ubuntu:24.04", PackageManager.APT, List.of(
            "bash", "ca-certificates", "curl", "git", "git-lfs", "dumb-init",
            "docker.io", "fuse-overlayfs", "iptables", "procps",
            "libstdc++6", "libgcc-s1"));

    /** Extra packages for a non-root remote user: a narrow sudo rule lets it revive dockerd. */
    static final List<String> NON_ROOT_PACKAGES = List.of("sudo");

    private final String id;
    private final String defaultBaseImage;
    private final PackageManager packageManager;
    private final List<String> packages;

    Distro(String id, String defaultBaseImage, PackageManager packageManager, List<String> packages) {
        this.id = id;
        this.defaultBaseImage = defaultBaseImage;
        this.packageManager = packageManager;
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
