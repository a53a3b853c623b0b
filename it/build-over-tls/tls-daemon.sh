#!/usr/bin/env bash
# A second dockerd on 127.0.0.1:42376 that only speaks mutual TLS, for the build-over-tls IT.
#   tls-daemon.sh start OWNER_PID LOG_COPY  certificates (openssl), the daemon under a watchdog,
#                                            a context; returns once the daemon answers over TLS
#   tls-daemon.sh stop                       asks the watchdog to stop and waits until it cleaned up
# The watchdog stops the daemon and removes /tmp/devcontainer-it-tls (data root included) when
# asked, when OWNER_PID (the Maven running the IT) exits, or after 180 s, whichever comes first,
# and copies the daemon's log to LOG_COPY first.
# The daemon shares nothing with the host's engine: its own data root, exec root (and so its own
# containerd), pid file, an empty daemon.json instead of /etc/docker/daemon.json, its own bridge and
# no iptables rules. It has no images and runs no container; a build FROM scratch needs neither.
# Never --bridge none: a daemon given that deletes the interface docker0 at start
# (moby daemon_unix.go, removeDefaultBridgeInterface), and it shares the host's network namespace.
set -euo pipefail
dir=/tmp/devcontainer-it-tls
port=42376
bridge=dcit-tls0 # the daemon's default network; made here, removed by the watchdog

tls_docker() { docker --tlsverify --tlscacert "$dir/client/ca.pem" --tlscert "$dir/client/cert.pem" \
  --tlskey "$dir/client/key.pem" -H "tcp://127.0.0.1:$port" "$@"; }

stop() {
  [[ -d $dir ]] || return 0
  touch "$dir/stop" 2>/dev/null || true
  for _ in $(seq 1 150); do [[ -d $dir ]] || return 0; sleep 0.2; done
  echo "tls-daemon: $dir still there after 30 s" >&2
  return 1
}

certificates() {
  local ca=$dir/ca wrong=$dir/wrong-ca-key
  mkdir -p "$ca" "$dir/server" "$dir/client" "$dir/wrong-ca" "$wrong"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=devcontainer-it-ca \
    -keyout "$ca/ca-key.pem" -out "$ca/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 \
    -keyout "$dir/server/key.pem" -out "$ca/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$ca/server.ext"
  openssl x509 -req -days 1 -in "$ca/server.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
    -extfile "$ca/server.ext" -out "$dir/server/cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=devcontainer-it-client \
    -keyout "$dir/client/key.pem" -out "$ca/client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$ca/client.ext"
  openssl x509 -req -days 1 -in "$ca/client.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
    -extfile "$ca/client.ext" -out "$dir/client/cert.pem" 2>/dev/null
  cp "$ca/ca.pem" "$dir/client/ca.pem"
  # The same client certificate, but a CA that never signed the daemon's certificate.
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=devcontainer-it-other-ca \
    -keyout "$wrong/ca-key.pem" -out "$dir/wrong-ca/ca.pem" 2>/dev/null
  cp "$dir/client/cert.pem" "$dir/client/key.pem" "$dir/wrong-ca/"
}

watch() { # OWNER_PID LOG_COPY; runs detached from the caller
  local owner=$1 log_copy=$2 deadline=$((SECONDS + 180)) daemon
  dockerd --config-file "$dir/daemon.json" --host "tcp://127.0.0.1:$port" --tlsverify \
    --tlscacert "$dir/ca/ca.pem" --tlscert "$dir/server/cert.pem" --tlskey "$dir/server/key.pem" \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
    --bridge "$bridge" --iptables=false --ip-masq=false >"$dir/dockerd.log" 2>&1 </dev/null &
  daemon=$!
  while kill -0 "$daemon" 2>/dev/null && [[ ! -e $dir/stop ]] && kill -0 "$owner" 2>/dev/null \
    && ((SECONDS < deadline)); do
    sleep 0.2
  done
  local containerd
  containerd=$(cat "$dir/exec/containerd/containerd.pid" 2>/dev/null || true)
  kill "$daemon" 2>/dev/null || true
  for _ in $(seq 1 75); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$daemon" 2>/dev/null || true
  if [[ -n $containerd && $(cat "/proc/$containerd/comm" 2>/dev/null) == containerd ]]; then
    kill -9 "$containerd" 2>/dev/null || true
  fi
  wait "$daemon" 2>/dev/null || true
  # Whatever the daemon left mounted under its roots, deepest first.
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | xargs -r -n1 umount -l || true
  ip link delete "$bridge" 2>/dev/null || true
  cp "$dir/dockerd.log" "$log_copy" 2>/dev/null || true
  rm -rf "$dir"
}

case ${1:-} in
  start)
    owner=${2:?owner pid}
    log_copy=${3:?log copy}
    stop
    rm -rf "$dir"
    mkdir -p "$dir"
    certificates
    echo '{}' >"$dir/daemon.json"
    ip link delete "$bridge" 2>/dev/null || true
    ip link add name "$bridge" type bridge
    ip addr add 192.0.2.1/24 dev "$bridge" # TEST-NET-1 (RFC 5737): no real network uses it
    setsid bash "$0" watch "$owner" "$log_copy" </dev/null >/dev/null 2>&1 &
    started=$SECONDS
    for _ in $(seq 1 100); do
      tls_docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && break
      sleep 0.2
    done
    tls_docker version --format 'tls-daemon: Docker {{.Server.Version}} answers over TLS' \
      || { echo "tls-daemon: no answer within 20 s" >&2; cat "$dir/dockerd.log" >&2; exit 1; }
    echo "tls-daemon: ready after $((SECONDS - started)) s"
    DOCKER_CONFIG=$dir/docker-config docker context create devcontainer-it-tls >/dev/null \
      --docker "host=tcp://127.0.0.1:$port,ca=$dir/client/ca.pem,cert=$dir/client/cert.pem,key=$dir/client/key.pem"
    DOCKER_CONFIG=$dir/docker-config docker context use devcontainer-it-tls >/dev/null
    ;;
  watch) watch "$2" "$3" ;;
  stop) stop ;;
  images) tls_docker image ls --format '{{.Repository}}:{{.Tag}}' ;;
  *) echo "usage: $0 start OWNER_PID LOG_COPY | stop | images" >&2; exit 2 ;;
esac
