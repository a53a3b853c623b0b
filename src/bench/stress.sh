#!/usr/bin/env bash
# Start-up stress: boots the sample project's debian devcontainer N times (default 50), each time
# with every verify check (dockerd under dumb-init, a nested container, reaping, stop/start, ...),
# and prints "N passed, M failed" with the median and worst time from start to `docker info`.
#
#   src/bench/stress.sh [N]
#
# Needs a Docker engine (../shared/docker-host/provision on a fresh machine of this kind).
set -euo pipefail
boots=${1:-50}
cd "$(dirname "$0")/../.."

mvn -B -q install -DskipTests -Dinvoker.skip
mkdir -p target
log=target/stress.log
echo "Booting the devcontainer ${boots} times; full log: ${log}"
status=0
mvn -B -f src/sample/hello/pom.xml verify -Ddevcontainer.verify.repeat="${boots}" >"${log}" 2>&1 || status=$?
grep -E '^\[INFO\] Boot [0-9]+ of|FAILED ' "${log}" | sed 's/^\[[A-Z]*\] //' | grep -B1 'FAILED' || true
summary=$(grep -E 'Boots: ' "${log}" | sed 's/.*Boots: //')
echo "${summary:-no summary: see ${log}}"
exit "${status}"
