#!/usr/bin/env bash
# The peer of `devcontainer:verify`'s boot checks: what a user runs instead with the devcontainer CLI
# (@devcontainers/cli). `devcontainer up` builds the image from devcontainer.json (on a warm build
# cache), starts the container and runs onCreateCommand/postStartCommand (which return once dockerd
# answers); `devcontainer exec ... docker info` asks the inner daemon; then the container and the
# named volumes the CLI made for it are removed, as verify removes its own.
#
#   peer-up.sh run CLI WORKSPACE ID_LABEL CPU_FILE   up + exec + remove; prints the seconds of up + exec
#                                                    and appends "user sys" CPU seconds of the two CLI
#                                                    processes (node and the docker commands it runs) to CPU_FILE
#   peer-up.sh clean ID_LABEL                        removes every container carrying ID_LABEL and its volumes
#
# ID_LABEL (key=value) is passed to the CLI as --id-label: it finds its container by it, and it is how
# everything this script made is found again.
set -euo pipefail

clean() {
    local label=$1 id volumes
    for id in $(docker ps -aq --filter "label=$label"); do
        volumes=$(docker inspect --format '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}' "$id" 2>/dev/null || true)
        docker rm -f -v "$id" >/dev/null
        for volume in $volumes; do
            docker volume rm "$volume" >/dev/null
        done
    done
}

case ${1:-} in
clean)
    clean "$2"
    ;;
run)
    cli=$2 workspace=$3 label=$4 cpu_file=$5
    work=$(mktemp -d)
    trap 'clean "$label"; rm -rf "$work"' EXIT
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/up.cpu" \
        "$cli" up --workspace-folder "$workspace" --id-label "$label" --log-format text >"$work/up.out" 2>&1 \
        || { cat "$work/up.out" >&2; echo "devcontainer up failed" >&2; exit 1; }
    grep -q '"outcome":"success"' "$work/up.out" || { cat "$work/up.out" >&2; echo "devcontainer up did not succeed" >&2; exit 1; }
    /usr/bin/time -f '%U %S' -o "$work/exec.cpu" \
        "$cli" exec --workspace-folder "$workspace" --id-label "$label" docker info >"$work/exec.out" 2>&1 \
        || { cat "$work/exec.out" >&2; echo "devcontainer exec docker info failed" >&2; exit 1; }
    ready=$(date +%s%N)
    cat "$work/up.cpu" "$work/exec.cpu" | awk '{ u += $1; s += $2 } END { printf "%.2f %.2f\n", u, s }' >>"$cpu_file"
    awk -v ns=$((ready - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
    ;;
*)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
