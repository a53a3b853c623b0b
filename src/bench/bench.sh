#!/usr/bin/env bash
# Benchmarks the plugin's goals against what the same work costs without it, on the sample
# project's debian devcontainer. Each pair runs alternately, ROUNDS times (default 7), so a noisy
# shared machine slows both sides alike; the table shows medians and ratios. Maven's own start-up
# is not the plugin's cost: the median of an empty Maven run (`mvn validate` on the same project),
# measured in the same alternation, is subtracted where it says so.
#
#   src/bench/bench.sh [ROUNDS]
#
# Needs a Docker engine (../shared/docker-host/provision on a fresh machine of this kind).
set -euo pipefail
rounds=${1:-7}
cd "$(dirname "$0")/../.."
root=$(pwd)
project=src/sample/hello
work=target/bench
mkdir -p "$work"
rm -f "$work"/*.times "$work"/*.gc

say() { printf '%s\n' "$*" >&2; }

# Runs a command quietly and appends its wall time in seconds to $work/$1.times.
timed() {
    local name=$1
    shift
    local start end
    start=$(date +%s%N)
    "$@" >"$work/$name.out" 2>&1 || { say "FAILED: $*"; cat "$work/$name.out" >&2; exit 1; }
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }' >>"$work/$name.times"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

mvn_project() { mvn -B -q -f "$project/pom.xml" "$@"; }

say "Preparing: install the plugin, generate and build the sample's devcontainer"
mvn -B -q install -DskipTests -Dinvoker.skip
mvn_project package
image=hello-devcontainer:1.0.0-SNAPSHOT
boot_checks=running,pid1,dockerd,docker-info
context="$project/.devcontainer"
docker build -q "$context" >/dev/null   # warm the CLI's cache for the same context

say "Running $rounds rounds"
for round in $(seq "$rounds"); do
    say "  round $round/$rounds"
    timed empty mvn_project validate
    timed verify mvn_project devcontainer:verify -Ddevcontainer.verify.only=$boot_checks
    sed -n 's/.*name="time to docker info" value="\([0-9.]*\) s".*/\1/p' \
        "$project/target/devcontainer-reports/TEST-devcontainer-verify.xml" >>"$work/verify-ready.times"
    floor_ready=$(src/bench/floor-verify.sh "$image")
    echo "$floor_ready" >>"$work/floor-ready.times"
    timed floor src/bench/floor-verify.sh "$image"
    timed build mvn_project devcontainer:build
    timed docker-build docker build -q "$context"
    timed generate mvn_project devcontainer:generate
    timed help mvn_project devcontainer:help
done

say "Measuring peak heap (3 runs each)"
peak_heap() {
    local log=$1
    awk '/->/ { if (match($0, /[0-9]+M->/)) { v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > max) max = v } }
         /garbage-first heap|def new generation|tenured|PSYoungGen/ { if (match($0, /used [0-9]+K/)) { u += substr($0, RSTART + 5, RLENGTH - 6) / 1024 } }
         END { if (u > max) max = u; printf "%.0f\n", max }' "$log"
}
for i in 1 2 3; do
    MAVEN_OPTS="-Xlog:gc,gc+heap+exit:file=$root/$work/empty-$i.gc" mvn_project validate >/dev/null
    peak_heap "$work/empty-$i.gc" >>"$work/empty-heap.times"
    MAVEN_OPTS="-Xlog:gc,gc+heap+exit:file=$root/$work/verify-$i.gc" \
        mvn_project devcontainer:verify -Ddevcontainer.verify.only=$boot_checks >/dev/null
    peak_heap "$work/verify-$i.gc" >>"$work/verify-heap.times"
done

empty=$(median "$work/empty.times")
verify=$(median "$work/verify.times")
floor=$(median "$work/floor.times")
build=$(median "$work/build.times")
docker_build=$(median "$work/docker-build.times")
generate=$(median "$work/generate.times")
help=$(median "$work/help.times")
verify_ready=$(median "$work/verify-ready.times")
floor_ready=$(median "$work/floor-ready.times")
empty_heap=$(median "$work/empty-heap.times")
verify_heap=$(median "$work/verify-heap.times")

cores=$(nproc)
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
docker_version=$(docker version --format '{{.Server.Version}}')
{
    echo "Benchmark $(date -u +%Y-%m-%d), ${cores} cores, ${memory}, Docker ${docker_version}; medians of ${rounds} alternating rounds"
    echo
    echo "| measure | median | target |"
    echo "|---|---|---|"
    echo "| empty Maven (\`mvn validate\`) | ${empty} s | |"
    echo "| \`mvn devcontainer:verify\`, boot checks only | ${verify} s | |"
    echo "| floor: docker run + poll docker exec docker info + rm | ${floor} s | |"
    echo "| **(verify − empty Maven) / floor** | **$(calc "($verify - $empty) / $floor")** | ≤ 1.3 |"
    echo "| time to docker info: plugin / floor | ${verify_ready} s / ${floor_ready} s (Δ $(calc "$verify_ready - $floor_ready") s) | Δ ≤ 0.1 s |"
    echo "| \`mvn devcontainer:build\`, unchanged | ${build} s | |"
    echo "| \`docker build\`, warm cache | ${docker_build} s | |"
    echo "| **no-op build / docker build** | **$(calc "$build / $docker_build")** | ≤ 0.5 |"
    echo "| (no-op build − empty Maven) / docker build | $(calc "($build - $empty) / $docker_build") | |"
    echo "| \`mvn devcontainer:generate\`, unchanged | ${generate} s | |"
    echo "| **generate − empty Maven** | **$(calc "$generate - $empty") s** | ≤ 0.3 s |"
    echo "| loading the plugin alone: \`mvn devcontainer:help\` − empty Maven | $(calc "$help - $empty") s | |"
    echo "| peak heap: empty Maven / verify | ${empty_heap} MiB / ${verify_heap} MiB | |"
    echo "| **peak heap, verify − empty Maven** | **$((verify_heap - empty_heap)) MiB** | ≤ 64 MiB |"
} | tee "$work/results.md"
