#!/usr/bin/env bash
# Rootful Podman's API service on /run/podman-it/podman.sock, for the verify-podman IT.
#   podman-service.sh start OWNER_PID LOG_COPY  the service under a watchdog, debian:trixie loaded
#                                               from this host's Docker engine
#   podman-service.sh stop                      asks the watchdog to stop and waits until it cleaned up
#   podman-service.sh podman ARGS...            the podman CLI on the service's storage
# The watchdog stops the service and removes its storage (/tmp/devcontainer-it-podman) and socket
# when asked, when OWNER_PID (the Maven running the IT) exits, or after 600 s, whichever comes first,
# and copies the service's log to LOG_COPY first. It also ends the conmon monitors Podman leaves
# for finished exec sessions and removes the bridge cni-podman0 when this run created it.
# containers.conf (CONTAINERS_CONF, only for this service) adapts Podman to hosts like this one,
# as ../shared/docker-host/provision adapts dockerd: when the capability bounding set lacks
# capabilities that --privileged asks for, the runc-capfix wrapper is the runtime, and without
# CAP_SYS_RESOURCE runc cannot raise rlimits above the caller's, so the containers' nofile/nproc
# limits are the service's own instead of Podman's defaults (1048576 and 4194304).
set -euo pipefail
dir=/tmp/devcontainer-it-podman
socket_dir=/run/podman-it

pm() { CONTAINERS_CONF=$dir/containers.conf podman --root "$dir/root" --runroot "$dir/runroot" "$@"; }

stop() {
  [[ -d $dir ]] || return 0
  touch "$dir/stop" 2>/dev/null || true
  for _ in $(seq 1 300); do [[ -d $dir ]] || return 0; sleep 0.2; done
  echo "podman-service: $dir still there after 60 s" >&2
  return 1
}

containers_conf() {
  local nofile nproc
  nofile=$(ulimit -Hn)
  nproc=$(ulimit -Hu)
  [[ $nproc == unlimited || $nproc -gt 32768 ]] && nproc=32768 # podman lowers its own to this
  [[ $nofile == unlimited || $nofile -gt 1048576 ]] && nofile=1048576
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$nofile" "$nofile" "$nproc" "$nproc"
  if [[ -x /usr/local/sbin/runc-capfix ]] && grep -q runc-capfix /etc/docker/daemon.json 2>/dev/null; then
    printf '[engine]\nruntime = "capfix"\n[engine.runtimes]\ncapfix = ["/usr/local/sbin/runc-capfix"]\n'
  fi
}

watch() { # OWNER_PID LOG_COPY; runs detached from the caller
  local owner=$1 log_copy=$2 deadline=$((SECONDS + 600)) service
  CONTAINERS_CONF=$dir/containers.conf podman --root "$dir/root" --runroot "$dir/runroot" \
    system service --time=0 "unix://$socket_dir/podman.sock" >"$dir/service.log" 2>&1 </dev/null &
  service=$!
  while kill -0 "$service" 2>/dev/null && [[ ! -e $dir/stop ]] && kill -0 "$owner" 2>/dev/null \
    && ((SECONDS < deadline)); do
    sleep 0.2
  done
  kill "$service" 2>/dev/null || true
  for _ in $(seq 1 75); do kill -0 "$service" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  # conmon keeps each finished exec session's monitor for 300 s (--exit-delay); these are ours.
  # SIGKILL: on a clean exit conmon would run its exit command, a podman that mounts the storage again.
  local pid
  for pid in $(pgrep -x conmon || true); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/root/"; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  # Whatever a test left running goes with the storage.
  pm rm -af -t 0 >/dev/null 2>&1 || true
  # The bridge Podman's default network made, unless it was there before.
  if [[ ! -e $dir/bridge-existed ]]; then
    ip link delete cni-podman0 2>/dev/null || true
  fi
  cp "$dir/service.log" "$log_copy" 2>/dev/null || true
  # Podman mounts its storage onto itself (overlay's home, made private); unmount, then remove.
  for _ in 1 2 3 4 5; do
    awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | xargs -r -n1 umount -l || true
    rm -rf "$dir" "$socket_dir" 2>/dev/null && break
    sleep 1
  done
}

case ${1:-} in
  start)
    owner=${2:?owner pid}
    log_copy=${3:?log copy}
    command -v podman >/dev/null || { echo "podman-service: podman is not installed (it/prepare-host installs it)" >&2; exit 1; }
    stop
    rm -rf "$dir" "$socket_dir"
    mkdir -p "$dir" "$socket_dir"
    containers_conf >"$dir/containers.conf"
    if ip link show cni-podman0 >/dev/null 2>&1; then touch "$dir/bridge-existed"; fi
    setsid bash "$0" watch "$owner" "$log_copy" </dev/null >/dev/null 2>&1 &
    started=$SECONDS
    for _ in $(seq 1 100); do
      curl -fsS --unix-socket "$socket_dir/podman.sock" http://podman/_ping >/dev/null 2>&1 && break
      sleep 0.2
    done
    curl -fsS --unix-socket "$socket_dir/podman.sock" http://podman/_ping >/dev/null \
      || { echo "podman-service: no answer within 20 s" >&2; cat "$dir/service.log" >&2; exit 1; }
    echo "podman-service: Podman $(pm version --format '{{.Server.Version}}') answers after $((SECONDS - started)) s"
    docker save debian:trixie | pm load -q >/dev/null
    pm tag localhost/debian:trixie docker.io/library/debian:trixie
    echo "podman-service: debian:trixie loaded after $((SECONDS - started)) s"
    ;;
  watch) watch "$2" "$3" ;;
  stop) stop ;;
  podman) shift; pm "$@" ;;
  *) echo "usage: $0 start OWNER_PID LOG_COPY | stop | podman ARGS..." >&2; exit 2 ;;
esac
