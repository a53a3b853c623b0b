#!/usr/bin/env bash
# What each package group of a generated Dockerfile adds to the image, in MB (10^6 bytes, as
# `docker images` counts). The generated Dockerfile installs every package in one RUN layer, so
# `docker history` cannot split it; this script builds variants of it instead (classic builder, so
# the runs are cached after the first):
#   - "in order": one image whose packages are installed group after group, one RUN layer each, in
#     the order below; the layer sizes add up to the packages' total, and a package that two groups
#     need is counted in the first (git and curl share libcurl; Maven's Java is the JDK's).
#   - "alone": for each group, an image with only that group on the base: what the group would
#     cost by itself (with everything it depends on).
# Each variant layer removes apt's caches (apt-get clean: the downloaded .deb files and pkgcache.bin) with its lists, so that they are
# not counted once per group; the real image's own apt caches get a row of their own.
# The rest of the real image (CA certificates, the checks, startup.sh, labels) comes from
# `docker history` of the real image.
#
#   image-sizes.sh DOCKERFILE IMAGE WORKDIR    prints a Markdown table on stdout
#
# Only apt (Debian, Ubuntu) Dockerfiles are split; the group of a package is decided by group_of.
set -euo pipefail
dockerfile=$1 image=$2 work=$3
mkdir -p "$work"

group_of() {
    case $1 in
    dumb-init) echo dumb-init ;;
    docker.io | docker-engine | dockerd | docker-cli | docker-buildx | docker-cli-buildx | docker-compose | docker-compose-v2 | docker-cli-compose) echo docker ;;
    fuse-overlayfs | iptables | ip6tables | iptables-legacy | iproute2 | dnsmasq | dnsmasq-base) echo dockerd-helpers ;;
    openjdk-* | temurin-* | default-jdk*) echo jdk ;;
    maven) echo maven ;;
    *) echo tools ;;
    esac
}
groups=(tools docker dockerd-helpers dumb-init jdk maven)
declare -A title=(
    [tools]="shell and tools"
    [docker]="Docker engine, client, buildx, compose"
    [dockerd-helpers]="dockerd's helpers (storage, network, DNS)"
    [dumb-init]="dumb-init"
    [jdk]="the JDK"
    [maven]="Maven"
)

base=$(sed -n 's/^FROM \([^ ]*\).*/\1/p' "$dockerfile" | head -n 1)
grep -q 'apt-get install' "$dockerfile" || { echo "image-sizes.sh: $dockerfile installs no apt packages; only apt Dockerfiles are split" >&2; exit 1; }
# the package names: the lines after the first `apt-get install` up to the first that starts with && (apt-get clean, rm -rf)
packages=$(awk '/apt-get install/ { on = 1; next } on && /^[[:space:]]*&&/ { exit } on { gsub(/[\\ ]/, ""); if ($0 != "") print }' "$dockerfile")
declare -A members=()
for package in $packages; do
    g=$(group_of "$package")
    members[$g]="${members[$g]:-}${members[$g]:+ }$package"
done

install_run() { # the RUN line that installs $1 (a space-separated list); apt's lists and caches go in the same layer
    echo "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $1 && apt-get clean && rm -rf /var/lib/apt/lists/*"
}
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1e6 }'; }
build() { # build DIR TAG: quiet, logged
    docker build --force-rm -t "$2" "$1" >"$1/build.log" 2>&1 || { cat "$1/build.log" >&2; echo "image-sizes.sh: building $2 failed" >&2; exit 1; }
}

# in order: one layer per group, on top of each other
mkdir -p "$work/in-order"
{
    echo "FROM $base"
    for g in "${groups[@]}"; do
        [ -n "${members[$g]:-}" ] && install_run "${members[$g]}"
    done
} >"$work/in-order/Dockerfile"
build "$work/in-order" devcontainer-bench-sizes:in-order
declare -A in_order=()
# docker history lists the newest layer first: pair the install layers with the groups, oldest first
mapfile -t layers < <(docker history --human=false --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' devcontainer-bench-sizes:in-order \
    | awk -F '\t' '/apt-get install/ { print $1 }' | tac)
i=0
for g in "${groups[@]}"; do
    [ -n "${members[$g]:-}" ] || continue
    in_order[$g]=${layers[$i]}
    i=$((i + 1))
done

# alone: each group by itself on the base
base_size=$(docker image inspect --format '{{.Size}}' "$base")
declare -A alone=()
for g in "${groups[@]}"; do
    [ -n "${members[$g]:-}" ] || continue
    mkdir -p "$work/alone-$g"
    { echo "FROM $base"; install_run "${members[$g]}"; } >"$work/alone-$g/Dockerfile"
    build "$work/alone-$g" "devcontainer-bench-sizes:alone-$g"
    alone[$g]=$(($(docker image inspect --format '{{.Size}}' "devcontainer-bench-sizes:alone-$g") - base_size))
done

# the real image: its base, its one package layer, and everything else
total=$(docker image inspect --format '{{.Size}}' "$image")
real_packages=$(docker history --human=false --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$image" | awk -F '\t' '/apt-get install/ { s += $1 } END { print s + 0 }')
# what apt leaves in /var/cache/apt (the downloaded .deb files, pkgcache.bin and srcpkgcache.bin): part of the real package layer
apt_cache=$(docker run --rm --entrypoint du "$image" -sb /var/cache/apt | cut -f 1)
# the Features' build: per Feature, its folder's COPY and its install RUN (the CLI's layers, which
# the plugin's build writes the same way); the folder name is the Feature's, with the CLI's _N suffix
declare -A feature_bytes=()
while IFS=$'\t' read -r size created; do
    name=$(sed -n 's#.*/tmp/dev-container-features/\([A-Za-z0-9._-]*\)_[0-9][0-9]*.*#\1#p' <<<"$created" | head -n 1)
    [ -n "$name" ] || continue
    feature_bytes[$name]=$(( ${feature_bytes[$name]:-0} + size ))
done < <(docker history --human=false --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$image")
features_total=0
for name in "${!feature_bytes[@]}"; do features_total=$((features_total + feature_bytes[$name])); done
rest=$((total - base_size - real_packages - features_total))
sum=0
for g in "${groups[@]}"; do sum=$((sum + ${in_order[$g]:-0})); done

echo "| component | packages | adds, in order (MB) | alone on the base (MB) |"
echo "|---|---|---|---|"
echo "| base image \`$base\` | | $(mb "$base_size") | |"
for g in "${groups[@]}"; do
    [ -n "${members[$g]:-}" ] || continue
    echo "| ${title[$g]} | ${members[$g]} | $(mb "${in_order[$g]}") | $(mb "${alone[$g]}") |"
done
echo "| apt's caches left in /var/cache/apt (downloaded .deb files, pkgcache.bin) | | $(mb "$apt_cache") | |"
for name in $(printf '%s\n' "${!feature_bytes[@]}" | sort); do
    echo "| Feature \`$name\` (its folder's COPY and its install.sh's RUN) | | $(mb "${feature_bytes[$name]}") | |"
done
echo "| the rest: CA certificates, checks, startup.sh, labels | | $(mb "$rest") | |"
echo "| **\`$image\`** | | **$(mb "$total")** | |"
echo
echo "The groups' layers add up to $(mb "$sum") MB; the real image installs the same packages in one layer of $(mb "$real_packages") MB, $(mb "$apt_cache") MB of it apt's caches."
