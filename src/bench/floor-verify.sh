#!/usr/bin/env bash
# The floor for `devcontainer:verify`'s boot checks, done by hand with the docker CLI: start the
# image privileged, poll `docker exec ... docker info` every 50 ms, check /proc/1/cmdline, remove
# the container. Prints the time from `docker run` returning to the first answer, in seconds.
#
#   floor-verify.sh IMAGE [LABEL]    LABEL (key=value) is put on the container, so a caller can find it
set -euo pipefail
image=$1
cid=$(docker run -d --privileged ${2:+--label "$2"} "$image")
trap 'docker rm -f "$cid" >/dev/null' EXIT
start=$(date +%s%N)
until docker exec "$cid" docker info >/dev/null 2>&1; do
    sleep 0.05
done
ready=$(date +%s%N)
docker exec "$cid" cat /proc/1/cmdline | tr '\0' ' ' | grep -q '^dumb-init ' || { echo "PID 1 is not dumb-init" >&2; exit 1; }
awk -v ns=$((ready - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
