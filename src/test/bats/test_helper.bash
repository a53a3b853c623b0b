# Shared by the startup.sh tests: a fake root (STARTUP_ROOT) with the files startup.sh reads, stub
# commands first on PATH that record how they were called, and startup.sh sourced (not run).
# bats-support, bats-assert and bats-file come from Debian's packages (it/prepare-host installs them).

bats_load_library bats-support
bats_load_library bats-assert
bats_load_library bats-file

SCRIPT="$BATS_TEST_DIRNAME/../../main/resources/templates/startup.sh.mustache"

# The stubs' call log: one line per call, "name arg1 arg2 ...".
calls() { cat "$STUB_LOG" 2>/dev/null || true; }

# Writes an executable stub: $1 its name, the rest its body (run by bash, after the call is logged).
# #!/bin/bash, not env: the process's name (/proc/PID/stat) is then the stub's, as running_dockerd expects.
stub() {
    local name=$1
    shift
    {
        printf '#!/bin/bash\n'
        printf 'printf "%%s\\n" "%s $*" >>"%s"\n' "$name" "$STUB_LOG"
        printf '%s\n' "$@"
    } >"$STUBS/$name"
    chmod +x "$STUBS/$name"
}

# Once per file, with STARTUP_TEST_BUSYBOX set: Alpine's and Wolfi's userland, busybox's find, stat,
# timeout, tail, grep, sed, flock, setsid, pgrep... first on PATH (bash stays GNU bash, as those
# images install it for startup.sh).
setup_busybox_tools() {
    [[ -n ${STARTUP_TEST_BUSYBOX:-} ]] || return 0
    mkdir -p "$BATS_FILE_TMPDIR/busybox"
    busybox --install -s "$BATS_FILE_TMPDIR/busybox"
    rm -f "$BATS_FILE_TMPDIR/busybox/bash"
}

setup_root() {
    ROOT="$BATS_TEST_TMPDIR/root"
    STUBS="$BATS_TEST_TMPDIR/bin"
    STUB_LOG="$BATS_TEST_TMPDIR/calls"
    mkdir -p "$ROOT"/{run,var/run,var/log,var/lib/docker,etc/docker,proc/net,sys/class/net,dev} "$STUBS"
    : >"$STUB_LOG"
    printf 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n' >"$ROOT/etc/passwd"
    printf 'nameserver 10.0.0.2\n' >"$ROOT/etc/resolv.conf"
    # the default route on eth0 (/proc/net/route: destination 00000000), MTU 1500
    printf 'Iface\tDestination\tGateway\tFlags\nlo\t0000007F\t00000000\t0001\neth0\t00000000\t010011AC\t0003\n' \
        >"$ROOT/proc/net/route"
    mkdir -p "$ROOT/sys/class/net/eth0"
    printf '1500\n' >"$ROOT/sys/class/net/eth0/mtu"
    # dockerd --help: the options of a current dockerd
    stub dockerd 'if [[ $1 == --help ]]; then echo "  --default-network-opt mapOfMap   --feature map"; exit 0; fi'
    stub ip 'echo "2: eth0    inet 172.17.0.5/16 brd 172.17.255.255 scope global eth0"'
    local tools=
    [[ -z ${STARTUP_TEST_BUSYBOX:-} ]] || tools="$BATS_FILE_TMPDIR/busybox"
    export PATH="$STUBS:${tools:+$tools:}$PATH" STARTUP_ROOT="$ROOT" STARTUP_PROC="$ROOT/proc"
    unset DOCKERD_TIMEOUT DOCKERD_ATTEMPTS DOCKERD_STOP_GRACE DOCKERD_RESTARTS DOCKERD_IPTABLES DOCKERD_MTU \
        DOCKERD_DNS DOCKERD_STORAGE_DRIVER
}

# Every stub still running (a dockerd a test left) is killed: nothing outlives a test. Stubs only
# ever sleep 0.1 s at a time (or exec sleep), so no child of theirs keeps bats' output open long.
teardown_root() {
    pkill -KILL -f "$STUBS/" 2>/dev/null || true
}

# Sources startup.sh (its main does not run when sourced) and reads the settings as main does.
load_script() {
    # shellcheck source=/dev/null
    source "$SCRIPT"
    read_settings 2>"$BATS_TEST_TMPDIR/settings.err"
    # start_dockerd and start_dns_forwarder run under ensure_dockerd's lock, whose fd they close
    # for the daemons they start: hold one, as ensure_dockerd does
    exec {lock}>"$ROOT/run/test.lock"
}

# A dockerd stub that runs like one: writes its pid file, answers `docker info` (through a marker
# file the docker stub reads) after $1 seconds, and on SIGTERM removes both and exits.
running_dockerd_stub() {
    local delay=${1:-0}
    stub dockerd \
        'if [[ ${1:-} == --help ]]; then exit 0; fi' \
        "ready=\"$ROOT/run/stub-dockerd-answers\"" \
        "pid_file=\"$ROOT/var/run/docker.pid\"" \
        'echo $$ >"$pid_file"' \
        'trap '\''rm -f "$pid_file" "$ready"; echo "stub dockerd: stopped"; exit 0'\'' TERM' \
        'echo "stub dockerd: started"' \
        "for ((i = 0; i < $delay * 10; i++)); do sleep 0.1; done" \
        'touch "$ready"' \
        'while :; do sleep 0.1; done'
    stub docker "[[ -e \"$ROOT/run/stub-dockerd-answers\" ]]"
}
