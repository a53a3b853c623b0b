#!/usr/bin/env bash
# What preloading costs (generate's preloadImages): the image's growth and the first start's load.
#   preload-cost.sh IMAGE     IMAGE: a devcontainer image built by the plugin with the preload Feature
# Prints, in MB (10^6 bytes, as `docker images` counts): the layers the preload Feature added (the
# Features' build's COPY of its folder, and its RUN, which moves the tars into the image), read from
# `docker history`; then starts IMAGE as verify does (privileged, a fresh volume at /var/lib/docker),
# waits for dockerd and times the Feature's onCreateCommand (load.sh) twice: the first start, and a
# second run against the same inner daemon (what a rebuilt container with the kept volume does).
# Removes the container and the volume it made.
set -euo pipefail
image=$1
name=preload-cost-$$
volume=preload-cost-$$
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker volume rm "$volume" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "| layer | MB |"
echo "|---|---|"
docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$image" | grep -E 'preload' | grep -v 'LABEL' | while IFS=$'\t' read -r size step; do
    echo "| ${step:0:90} | $size |"
done

docker run -d --privileged --name "$name" -v "$volume:/var/lib/docker" "$image" >/dev/null
docker exec "$name" /usr/local/bin/startup.sh >/dev/null
seconds() { local start end; start=$(date +%s.%N); docker exec "$name" /usr/local/share/devcontainer/preload/load.sh >&2; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
first=$(seconds)
again=$(seconds)
printf 'first start: load.sh %.1f s; again (images there): %.1f s\n' "$first" "$again"
