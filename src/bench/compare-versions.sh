#!/usr/bin/env bash
# A/B of plugin builds: alternates an empty Maven run (`mvn validate`) with each goal for each
# installed plugin version, on the sample project, and prints per run the median wall and CPU
# (user + sys) time and the median of the paired differences to the empty run of the same round.
# CPU time is the steadier figure when the machine is shared; wall time is what users feel.
#
#   src/bench/compare-versions.sh ROUNDS GOALS VERSION...
#   e.g. src/bench/compare-versions.sh 7 help,generate,build 0.1.0-a-SNAPSHOT 0.1.0-b-SNAPSHOT
#
# Each VERSION must be installed in ~/.m2 first: a copy of the tree with another <version>, e.g.
#   git worktree add /tmp/a HEAD && sed -i '0,/0.1.0-SNAPSHOT/s//0.1.0-a-SNAPSHOT/' /tmp/a/pom.xml
#   mvn -B -o -q -f /tmp/a/pom.xml install -DskipTests -Dinvoker.skip
# Own versions never swap the plugin under another user of ~/.m2; remove them afterwards
# (rm -r ~/.m2/repository/io/github/dind/devcontainer-maven-plugin/0.1.0-a-SNAPSHOT).
#
# Environment: IMAGE (default bench-hello-devcontainer) is the image name build and verify use,
# so another user's sample image is never touched; PER_VERSION_IMAGE=1 gives each version its own
# image name IMAGE-VERSION (verify keeps one verdict per project and image: versions alternating
# on one image would invalidate each other's); GOAL_ARGS is added to every goal run. `build`
# compares no-op builds only after one build per image has run.
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,8p' "$0" >&2
    exit 2
fi
rounds=$1
goals=$2
shift 2
versions=("$@")
cd "$(dirname "$0")/../.."
project=src/sample/hello/pom.xml
image=${IMAGE:-bench-hello-devcontainer}
out=$(mktemp -d)

timed() {
    local name=$1
    shift
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$@" >"$out/last.log" 2>&1 \
        || { echo "FAILED: $*" >&2; cat "$out/last.log" >&2; exit 1; }
    awk '{ printf "%d\n", $1 * 1000 }' "$out/time" >>"$out/$name.wall"
    awk '{ printf "%d\n", ($2 + $3) * 1000 }' "$out/time" >>"$out/$name.cpu"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

image_for() {
    if [ -n "${PER_VERSION_IMAGE:-}" ]; then
        echo "$image-$(echo "$1" | tr 'A-Z.' 'a-z-')"
    else
        echo "$image"
    fi
}

for round in $(seq "$rounds"); do
    echo "round $round/$rounds" >&2
    timed empty mvn -B -q -f "$project" validate
    for goal in ${goals//,/ }; do
        for version in "${versions[@]}"; do
            # shellcheck disable=SC2086 # GOAL_ARGS is a list of arguments
            timed "$goal@$version" mvn -B -q -f "$project" "-Ddevcontainer-maven-plugin.version=$version" \
                "-Ddevcontainer.imageName=$(image_for "$version")" "devcontainer:$goal" ${GOAL_ARGS:-}
        done
    done
done

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $rounds alternating rounds; ms"
printf '%-40s %8s %8s %8s %8s\n' run wall wall-Δ cpu cpu-Δ
printf '%-40s %8s %8s %8s %8s\n' empty "$(median "$out/empty.wall")" - "$(median "$out/empty.cpu")" -
for goal in ${goals//,/ }; do
    for version in "${versions[@]}"; do
        name="$goal@$version"
        paste "$out/$name.wall" "$out/empty.wall" | awk '{ print $1 - $2 }' >"$out/$name.dwall"
        paste "$out/$name.cpu" "$out/empty.cpu" | awk '{ print $1 - $2 }' >"$out/$name.dcpu"
        printf '%-40s %8s %8s %8s %8s\n' "$name" "$(median "$out/$name.wall")" "$(median "$out/$name.dwall")" \
            "$(median "$out/$name.cpu")" "$(median "$out/$name.dcpu")"
    done
done
rm -r "$out"
