#!/usr/bin/env bash
# Benchmarks the plugin's goals against what the same work costs without it, on the sample
# project's debian devcontainer (src/sample/hello), and prints one Markdown report to stdout and
# target/bench/results.md: the targets of issue 14 as ratios and differences, the wall and CPU time
# of every run, and what each package group adds to the image.
#
#   src/bench/bench.sh [ROUNDS]          ROUNDS alternating rounds (default 7); medians are reported
#   BENCH_SIZES=0 src/bench/bench.sh     skips the image sizes (they build six images; cached after the first run)
#
# Each pair runs alternately, ROUNDS times, so a noisy shared machine slows both sides alike; the
# table shows medians. Maven's own start-up is not the plugin's cost: the median of an empty Maven
# run (`mvn validate` on the same project), measured in the same alternation, is subtracted where it
# says so. Wall time is taken around each command; CPU time is user + system seconds of the
# command and the children it waited for (/usr/bin/time): the whole Maven JVM, or the devcontainer
# CLI's node process with the docker commands it runs.
#
# Needs a Docker engine (../shared/docker-host/provision on a fresh machine of this kind), mvn,
# npm (the pinned devcontainer CLI is installed into target/bench/cli) and GNU time (/usr/bin/time).
# Behind a TLS-intercepting proxy whose CA the host trusts in /etc/ssl/certs, npm and the CLI are
# pointed at that store (NODE_EXTRA_CA_CERTS), and the sample hands /usr/local/share/ca-certificates
# to the image. Everything it starts carries a label and is removed on exit, an interrupted run too.
# On a shared engine hold your locks around it, e.g.
#   flock /tmp/docker-heavy.lock flock /tmp/m2-plugin.lock src/bench/bench.sh 5
set -euo pipefail
rounds=${1:-7}
cd "$(dirname "$0")/../.."
root=$(pwd)
project=src/sample/hello
work=target/bench
image=hello-devcontainer:1.0.0-SNAPSHOT
boot_checks=running,pid1,dockerd,docker-info
label="devcontainer-maven-plugin.bench=$$-$(date +%s)"
mkdir -p "$work"
rm -f "$work"/*.times "$work"/*.cpu "$work"/*.rusage "$work"/*.gc "$work"/*.out

say() { printf '%s\n' "$*" >&2; }
# the plain docker builds are tagged, so no untagged (dangling) image is left when the tag is removed
docker_build_tag="devcontainer-bench-docker-build:$$"
cleanup() {
    src/bench/peer-up.sh clean "$label" || true
    docker rmi "$docker_build_tag" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in docker mvn npm java /usr/bin/time; do
    command -v "$tool" >/dev/null || { say "bench.sh needs $tool"; exit 1; }
done
docker info >/dev/null 2>&1 || { say "bench.sh needs a Docker engine: docker info fails"; exit 1; }

if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

# Runs a command quietly; appends its wall time to $work/$1.times and its user + system CPU
# seconds to $work/$1.cpu. Its output goes to $work/$1.out.
timed() {
    local name=$1
    shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/$name.rusage" "$@" >"$work/$name.out" 2>&1 \
        || { say "FAILED: $*"; cat "$work/$name.out" >&2; exit 1; }
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }' >>"$work/$name.times"
    awk '{ printf "%.2f\n", $1 + $2 }' "$work/$name.rusage" >>"$work/$name.cpu"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
# met VALUE TARGET: whether VALUE <= TARGET
met() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "yes" : "**no**" }'; }
mvnp=(mvn -B -q -Dstyle.color=never -f "$project/pom.xml")
verify_boot=("${mvnp[@]}" devcontainer:verify "-Ddevcontainer.verify.only=$boot_checks" -Ddevcontainer.verify.always)

say "Preparing: install the plugin, generate and build the sample's devcontainer, install the devcontainer CLI"
mvn -B -q -Dstyle.color=never install -DskipTests -Dinvoker.skip >&2
"${mvnp[@]}" package >&2
cli_version=$(sed -n 's/.*String DEVCONTAINER_CLI_VERSION = "\(.*\)";/\1/p' src/test/java/io/github/dind/devcontainer/it/Commands.java)
[ -n "$cli_version" ] || { say "no DEVCONTAINER_CLI_VERSION in src/test/java/io/github/dind/devcontainer/it/Commands.java"; exit 1; }
cli=$root/$work/cli/node_modules/.bin/devcontainer
if [ "$("$cli" --version 2>/dev/null)" != "$cli_version" ]; then
    npm install --prefix "$work/cli" --no-audit --no-fund --loglevel=error "@devcontainers/cli@$cli_version" >&2
fi
[ "$("$cli" --version)" = "$cli_version" ] || { say "the devcontainer CLI is not $cli_version"; exit 1; }
workspace=$root/$project
context="$project/.devcontainer"

say "Warming up: one untimed run of each side (the CLI's image build, the page cache)"
docker build --force-rm -q -t "$docker_build_tag" "$context" >"$work/warm-build.log" 2>&1 || { cat "$work/warm-build.log" >&2; exit 1; }
"${verify_boot[@]}" >"$work/warm-verify.log" 2>&1 || { cat "$work/warm-verify.log" >&2; exit 1; }
src/bench/peer-up.sh run "$cli" "$workspace" "$label" /dev/null >/dev/null
src/bench/floor-verify.sh "$image" "$label" >/dev/null

say "Running $rounds rounds: empty Maven, verify (boot checks), devcontainer up + exec, floor, build, docker build, generate, help"
for round in $(seq "$rounds"); do
    say "  round $round/$rounds"
    timed empty "${mvnp[@]}" validate
    timed verify "${verify_boot[@]}"
    sed -n 's/.*name="time to docker info" value="\([0-9.]*\) s".*/\1/p' \
        "$project/target/devcontainer-reports/TEST-devcontainer-verify.xml" >>"$work/verify-ready.times"
    timed peer src/bench/peer-up.sh run "$cli" "$workspace" "$label" "$work/peer-cli.rusage"
    cat "$work/peer.out" >>"$work/peer-ready.times"
    timed floor src/bench/floor-verify.sh "$image" "$label"
    cat "$work/floor.out" >>"$work/floor-ready.times"
    timed build "${mvnp[@]}" devcontainer:build
    timed docker-build docker build --force-rm -q -t "$docker_build_tag" "$context"
    timed generate "${mvnp[@]}" devcontainer:generate
    timed help "${mvnp[@]}" devcontainer:help
done
awk '{ printf "%.2f\n", $1 + $2 }' "$work/peer-cli.rusage" >"$work/peer-cli.cpu"

# All default checks. The sample turns project-build on, and a verdict never stands for it (it checks
# the project's sources, which change without the image changing): it is off in this phase.
verify_all=("${mvnp[@]}" devcontainer:verify -Ddevcontainer.verify.projectBuild=false)
say "Reused verdict: one full verify (all default checks, forced), then $rounds rounds of empty Maven / verify / verify forced"
"${verify_all[@]}" -Ddevcontainer.verify.always >"$work/reuse-prime.log" 2>&1 \
    || { cat "$work/reuse-prime.log" >&2; exit 1; }
for round in $(seq "$rounds"); do
    say "  round $round/$rounds"
    timed empty-2 "${mvnp[@]}" validate
    timed reuse "${verify_all[@]}"
    timed full "${verify_all[@]}" -Ddevcontainer.verify.always
done
# one more, untimed and not quiet, to see whether the plugin said it reused the verdict
mvn -B -f "$project/pom.xml" devcontainer:verify -Ddevcontainer.verify.projectBuild=false >"$work/reuse-check.log" 2>&1 \
    || { cat "$work/reuse-check.log" >&2; exit 1; }
if grep -qi 'reusing' "$work/reuse-check.log"; then reused=yes; else reused=no; fi

# A team that commits all day: a copy of the sample in a git repository of its own; each round
# commits a change outside .devcontainer/ and runs `mvn verify` without the plugin's work
# (-Ddevcontainer.skip: the same compile and package) and with it (generate, the build's up-to-date
# check, verify). project-build is off: a verdict never stands for it.
say "Commits: $rounds rounds of a commit outside .devcontainer/, then mvn verify without and with the plugin"
repo=$work/commits
rm -rf "$repo"
mkdir -p "$repo"
tar --exclude=target -C "$project" -cf - . | tar -C "$repo" -xf -
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m first
mvnc=(mvn -B -q -Dstyle.color=never -f "$repo/pom.xml" -Ddevcontainer.verify.projectBuild=false)
"${mvnc[@]}" verify >"$work/commit-prime.log" 2>&1 || { cat "$work/commit-prime.log" >&2; exit 1; }
commit_once() {
    echo "// round $1" >>"$repo/hello-app/src/main/java/example/app/Hello.java"
    git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -am "round $1"
}
for round in $(seq "$rounds"); do
    say "  round $round/$rounds"
    commit_once "${round}a" # each side compiles one changed class
    timed commit-skip "${mvnc[@]}" verify -Ddevcontainer.skip
    commit_once "${round}b"
    timed commit-verify "${mvnc[@]}" verify
done
# one more, untimed and not quiet: after a commit, was the image kept and the verdict reused?
commit_once check
mvn -B -f "$repo/pom.xml" -Ddevcontainer.verify.projectBuild=false verify >"$work/commit-check.log" 2>&1 \
    || { cat "$work/commit-check.log" >&2; exit 1; }
if grep -q 'is up to date' "$work/commit-check.log" && grep -q 'Reusing the passing verdict' "$work/commit-check.log"; then
    kept=yes
else
    kept=no
fi

say "Measuring peak heap (3 runs each)"
peak_heap() {
    local log=$1
    awk '/->/ { if (match($0, /[0-9]+M->/)) { v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > max) max = v } }
         /garbage-first heap|def new generation|tenured|PSYoungGen/ { if (match($0, /used [0-9]+K/)) { u += substr($0, RSTART + 5, RLENGTH - 6) / 1024 } }
         END { if (u > max) max = u; printf "%.0f\n", max }' "$log"
}
for i in 1 2 3; do
    MAVEN_OPTS="-Xlog:gc,gc+heap+exit:file=$root/$work/empty-$i.gc" "${mvnp[@]}" validate >"$work/heap.log" 2>&1 \
        || { cat "$work/heap.log" >&2; exit 1; }
    peak_heap "$work/empty-$i.gc" >>"$work/empty-heap.times"
    MAVEN_OPTS="-Xlog:gc,gc+heap+exit:file=$root/$work/verify-$i.gc" "${verify_boot[@]}" >"$work/heap.log" 2>&1 \
        || { cat "$work/heap.log" >&2; exit 1; }
    peak_heap "$work/verify-$i.gc" >>"$work/verify-heap.times"
done

sizes=""
if [ "${BENCH_SIZES:-1}" != 0 ]; then
    say "Image sizes per package group (builds variants of the generated Dockerfile)"
    sizes=$(src/bench/image-sizes.sh "$context/Dockerfile" "$image" "$work/sizes")
fi

declare -A t=() c=() # medians: wall seconds, CPU seconds
for name in empty empty-2 verify peer floor build docker-build generate help reuse full verify-ready peer-ready floor-ready \
        commit-skip commit-verify; do
    t[$name]=$(median "$work/$name.times")
done
for name in empty empty-2 verify peer peer-cli floor build docker-build generate help reuse full commit-skip commit-verify; do
    c[$name]=$(median "$work/$name.cpu")
done
empty_heap=$(median "$work/empty-heap.times")
verify_heap=$(median "$work/verify-heap.times")

r_peer=$(calc "${t[verify]} / ${t[peer]}")
r_peer_ready=$(calc "${t[verify]} / ${t[peer-ready]}")
r_floor=$(calc "(${t[verify]} - ${t[empty]}) / ${t[floor]}")
d_reuse=$(calc "${t[reuse]} - ${t[empty-2]}")
d_commit=$(calc "${t[commit-verify]} - ${t[commit-skip]}")
d_help=$(calc "${t[help]} - ${t[empty]}")
d_build=$(calc "${t[build]} - ${t[empty]}")
d_generate=$(calc "${t[generate]} - ${t[empty]}")
d_heap=$((verify_heap - empty_heap))

cores=$(nproc)
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
cpu_model=$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
docker_version=$(docker version --format '{{.Server.Version}}')
{
    echo "Benchmark $(date -u '+%Y-%m-%d %H:%M UTC'): ${cores} cores (${cpu_model:-unknown CPU}), ${memory}, Docker ${docker_version}," \
        "devcontainer CLI ${cli_version}, $(mvn -B -v 2>/dev/null | sed -n '1{s/\x1b\[[0-9;]*m//g;s/ (.*//;p}'), Java $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p');" \
        "medians of ${rounds} alternating rounds; the sample's debian image."
    echo
    echo "| measure | measured | target | met |"
    echo "|---|---|---|---|"
    echo "| verify (boot checks) / \`devcontainer up\` + exec docker info + removal | ${r_peer} (against up + exec alone: ${r_peer_ready}) | ≤ 1.0 | $(met "$r_peer" 1.0) |"
    echo "| (verify − empty Maven) / floor script | ${r_floor} | ≤ 1.2 | $(met "$r_floor" 1.2) |"
    echo "| verify of an unchanged image − empty Maven (verdict reused: ${reused}) | +${d_reuse} s | ≤ +0.5 s | $(met "$d_reuse" 0.5) |"
    echo "| \`mvn verify\` after a commit outside .devcontainer/ − the same without the plugin's work (image kept and verdict reused: ${kept}) | +${d_commit} s | ≤ +0.5 s | $(met "$d_commit" 0.5) |"
    echo "| plugin load (\`help\` − empty Maven) | +${d_help} s | ≤ +0.15 s | $(met "$d_help" 0.15) |"
    echo "| no-op build − empty Maven | +${d_build} s | ≤ +0.3 s | $(met "$d_build" 0.3) |"
    echo "| generate − empty Maven | +${d_generate} s | ≤ +0.15 s | $(met "$d_generate" 0.15) |"
    echo "| peak heap, verify − empty Maven | +${d_heap} MiB | ≤ +64 MiB | $(met "$d_heap" 64) |"
    echo
    echo "| run | wall (s) | CPU, user + sys (s) |"
    echo "|---|---|---|"
    echo "| empty Maven (\`mvn validate\`) | ${t[empty]} | ${c[empty]} |"
    echo "| \`mvn devcontainer:verify\`, boot checks (${boot_checks}) | ${t[verify]} | ${c[verify]} |"
    echo "| \`devcontainer up\` + \`devcontainer exec … docker info\` + removal | ${t[peer]} | ${c[peer]} (CLI processes alone: ${c[peer-cli]}) |"
    echo "| … of which up + exec until docker info answered | ${t[peer-ready]} | |"
    echo "| floor script: docker run + poll docker exec docker info + rm | ${t[floor]} | ${c[floor]} |"
    echo "| time to docker info after the container started: plugin / floor | ${t[verify-ready]} / ${t[floor-ready]} | |"
    echo "| \`mvn devcontainer:verify\`, all default checks, nothing changed (second phase) | ${t[reuse]} | ${c[reuse]} |"
    echo "| the same with \`-Ddevcontainer.verify.always\` (the checks run) | ${t[full]} | ${c[full]} |"
    echo "| empty Maven, alternated with these two | ${t[empty-2]} | ${c[empty-2]} |"
    echo "| \`mvn verify\` after a commit outside .devcontainer/, with \`-Ddevcontainer.skip\` / with the plugin | ${t[commit-skip]} / ${t[commit-verify]} | ${c[commit-skip]} / ${c[commit-verify]} |"
    echo "| \`mvn devcontainer:build\`, unchanged | ${t[build]} | ${c[build]} |"
    echo "| \`docker build\`, warm cache | ${t[docker-build]} | ${c[docker-build]} |"
    echo "| \`mvn devcontainer:generate\`, unchanged | ${t[generate]} | ${c[generate]} |"
    echo "| \`mvn devcontainer:help\` | ${t[help]} | ${c[help]} |"
    echo "| peak heap (MiB): empty Maven / verify, boot checks | ${empty_heap} / ${verify_heap} | |"
    if [ -n "$sizes" ]; then
        echo
        echo "Image size per component, debian (\`$image\`):"
        echo
        echo "$sizes"
        echo
        echo "Ubuntu, Alpine and Wolfi are not measured here: their base images need a registry this machine cannot reach."
    fi
} | tee "$work/results.md"
