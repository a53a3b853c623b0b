#!/usr/bin/env bats
# startup.sh, function by function: each decision it makes, against a prepared root folder
# (STARTUP_ROOT) and stub commands. Run by StartupScriptTest (mvn test), or by hand:
#   bats src/test/bats

load test_helper

setup_file() {
    setup_busybox_tools
}

setup() {
    setup_root
}

teardown() {
    teardown_root
}

# --- settings -----------------------------------------------------------------------------------

@test "settings: defaults when nothing is set" {
    load_script
    assert_equal "$timeout_s $attempts $stop_grace_s $restarts_max" "30 3 10 5"
    assert_equal "$settings_note" ""
}

@test "settings: valid values are taken, leading zeros as decimal" {
    export DOCKERD_TIMEOUT=045 DOCKERD_ATTEMPTS=7 DOCKERD_STOP_GRACE=20 DOCKERD_RESTARTS=0 DOCKERD_MTU=1400
    load_script
    assert_equal "$timeout_s $attempts $stop_grace_s $restarts_max $mtu_setting" "45 7 20 0 1400"
}

@test "settings: a bad value is reported, its default used, and the status line carries it" {
    export DOCKERD_TIMEOUT=30s DOCKERD_ATTEMPTS=-1 DOCKERD_STOP_GRACE=0 DOCKERD_MTU=15 DOCKERD_IPTABLES=nf
    load_script
    assert_equal "$timeout_s $attempts $stop_grace_s $mtu_setting $iptables_setting" "30 3 10  "
    run cat "$BATS_TEST_TMPDIR/settings.err"
    assert_line "startup.sh: ignored: DOCKERD_TIMEOUT='30s' is not a whole number of seconds from 1 to 3600, used 30"
    assert_line "startup.sh: ignored: DOCKERD_ATTEMPTS='-1' is not a whole number from 1 to 100, used 3"
    assert_line "startup.sh: ignored: DOCKERD_STOP_GRACE='0' is not a whole number of seconds from 1 to 3600, used 10"
    assert_line "startup.sh: ignored: DOCKERD_MTU='15' is not a number from 68 to 65535, used the uplink's"
    assert_line "startup.sh: ignored: DOCKERD_IPTABLES='nf' is not nft or legacy, used the first that works"
    set_status ready
    run cat "$ROOT/run/devcontainer-dockerd.status"
    assert_output --partial "ready; settings: DOCKERD_TIMEOUT='30s' is not"
}

@test "settings: DNS servers must be IP addresses, and too large a number is no number" {
    export DOCKERD_DNS='1.1.1.1;reboot' DOCKERD_TIMEOUT=99999999999
    load_script
    assert_equal "$dns_setting $timeout_s" "unset 30"
    export DOCKERD_DNS=1.1.1.1,2606:4700::1111
    read_settings 2>/dev/null
    assert_equal "$dns_setting" "1.1.1.1,2606:4700::1111"
}

# --- MTU ----------------------------------------------------------------------------------------

@test "mtu: an uplink below 1500 gives the inner networks its MTU" {
    printf '1499\n' >"$ROOT/sys/class/net/eth0/mtu"
    load_script
    choose_mtu 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--mtu=1499 --default-network-opt=bridge=com.docker.network.driver.mtu=1499"
}

@test "mtu: an uplink of 1500 changes nothing" {
    load_script
    choose_mtu
    assert_equal "${#dockerd_flags[@]}" 0
}

@test "mtu: DOCKERD_MTU wins over the uplink, and daemon.json's mtu over the flag" {
    export DOCKERD_MTU=1300
    load_script
    choose_mtu
    assert_equal "${dockerd_flags[*]}" "--mtu=1300 --default-network-opt=bridge=com.docker.network.driver.mtu=1300"
    dockerd_flags=()
    printf '{"mtu": 1400}\n' >"$ROOT/etc/docker/daemon.json"
    choose_mtu
    assert_equal "${dockerd_flags[*]}" "--default-network-opt=bridge=com.docker.network.driver.mtu=1300"
}

@test "mtu: an older dockerd without --default-network-opt gets --mtu only" {
    stub dockerd 'echo "  --mtu int"'
    printf '1400\n' >"$ROOT/sys/class/net/eth0/mtu"
    load_script
    choose_mtu 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--mtu=1400"
}

# --- DNS ----------------------------------------------------------------------------------------

@test "dns: a routable resolver needs no forwarder" {
    stub dnsmasq 'exit 0'
    load_script
    choose_dns
    assert_equal "${#dockerd_flags[@]}" 0
    run calls
    refute_output --partial dnsmasq
}

@test "dns: only loopback resolvers start a forwarder on the uplink address, with attempts:2 to lift ndots" {
    printf 'nameserver 127.0.0.11\noptions ndots:0\n' >"$ROOT/etc/resolv.conf"
    stub dnsmasq 'exit 0'
    load_script
    choose_dns 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--dns=172.17.0.5 --dns-opt=attempts:2"
    run calls
    assert_line --partial "dnsmasq --conf-file=/dev/null --pid-file=$ROOT/run/devcontainer-dnsmasq.pid --user=nobody"
    assert_line --partial "--listen-address=172.17.0.5 --resolv-file=$ROOT/etc/resolv.conf"
}

@test "dns: resolv.conf's own attempts option and daemon.json's dns-opts are left alone" {
    printf 'nameserver 127.0.0.11\noptions attempts:3\n' >"$ROOT/etc/resolv.conf"
    stub dnsmasq 'exit 0'
    load_script
    choose_dns 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--dns=172.17.0.5"
}

@test "dns: DOCKERD_DNS lists servers, default leaves dockerd's choice, daemon.json's dns wins" {
    printf 'nameserver 127.0.0.11\n' >"$ROOT/etc/resolv.conf"
    stub dnsmasq 'exit 0'
    export DOCKERD_DNS=1.1.1.1,8.8.8.8
    load_script
    choose_dns
    assert_equal "${dockerd_flags[*]}" "--dns=1.1.1.1 --dns=8.8.8.8"
    dockerd_flags=() dns_setting=default
    choose_dns
    assert_equal "${#dockerd_flags[@]}" 0
    dns_setting="unset"
    printf '{"dns": ["9.9.9.9"]}\n' >"$ROOT/etc/docker/daemon.json"
    choose_dns
    assert_equal "${#dockerd_flags[@]}" 0
    run calls
    refute_output --partial dnsmasq
}

@test "dns: without dnsmasq inner containers keep dockerd's default and the log says why" {
    printf 'nameserver 127.0.0.11\n' >"$ROOT/etc/resolv.conf"
    load_script
    PATH="$STUBS:/usr/bin:/bin" run choose_dns
    if command -v dnsmasq >/dev/null; then skip "dnsmasq is installed on this machine"; fi
    assert_output "startup.sh: resolv.conf names only loopback resolvers and dnsmasq is missing: inner containers get dockerd's default DNS"
}

# --- iptables -----------------------------------------------------------------------------------

@test "iptables: the first variant that can create a nat chain is used, and put first on PATH" {
    stub iptables-nft 'exit 1'
    stub ip6tables-nft 'exit 1'
    stub iptables-legacy 'exit 0'
    stub ip6tables-legacy 'exit 0'
    load_script
    choose_iptables 2>/dev/null
    assert_equal "$iptables_variant" legacy
    assert_equal "$(readlink "$ROOT/run/devcontainer-iptables/iptables")" "$STUBS/iptables-legacy"
    [[ $PATH == "$ROOT/run/devcontainer-iptables:"* ]]
    run calls
    assert_line "iptables-nft -w -t nat -N DEVCONTAINER-PROBE"
    assert_line "iptables-legacy -w -t nat -N DEVCONTAINER-PROBE"
    assert_line "iptables-legacy -w -t nat -X DEVCONTAINER-PROBE"
}

@test "iptables: without ip6tables, an IPv4-only variant is still chosen" {
    stub iptables-nft 'exit 0'
    load_script
    choose_iptables 2>/dev/null
    assert_equal "$iptables_variant" nft
}

@test "iptables: DOCKERD_IPTABLES pins a variant without probing" {
    stub iptables-nft 'exit 1'
    stub iptables-legacy 'exit 0'
    export DOCKERD_IPTABLES=nft
    load_script
    choose_iptables 2>/dev/null
    assert_equal "$iptables_variant" nft
    run calls
    refute_output --partial "-N DEVCONTAINER-PROBE"
}

@test "iptables: after dockerd failed on iptables, the next start tries the other variant once" {
    stub iptables-nft 'exit 0'
    stub iptables-legacy 'exit 0'
    load_script
    use_iptables nft 2>/dev/null
    log_offset=0
    printf 'level=info msg="starting"\nfailed to start daemon: Error initializing network controller: iptables failed\n' >"$ROOT/var/log/dockerd.log"
    run other_iptables_after_failure
    assert_success
    assert_output --partial "dockerd failed on iptables-nft; trying iptables-legacy"
    iptables_tried=" nft legacy"
    run other_iptables_after_failure
    assert_failure
}

@test "iptables: a failure that is not iptables' keeps the variant" {
    stub iptables-legacy 'exit 0'
    load_script
    use_iptables nft 2>/dev/null
    log_offset=0
    printf 'failed to start daemon: error initializing graphdriver\n' >"$ROOT/var/log/dockerd.log"
    run other_iptables_after_failure
    assert_failure
}

# --- storage ------------------------------------------------------------------------------------

@test "storage: /var/lib/docker on overlayfs gets fuse-overlayfs and the classic image store" {
    stub stat 'echo 794c7630'
    stub fuse-overlayfs 'exit 0'
    touch "$ROOT/dev/fuse"
    load_script
    choose_storage 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--storage-driver=fuse-overlayfs --feature=containerd-snapshotter=false"
    run calls
    assert_line "stat -f -c %t $ROOT/var/lib/docker"
}

@test "storage: any other file system (a volume) leaves dockerd's choice" {
    stub stat 'echo ef53'
    load_script
    choose_storage
    assert_equal "${#dockerd_flags[@]}" 0
}

@test "storage: with the containerd image store on in daemon.json, the native snapshotter" {
    stub stat 'echo 794c7630'
    printf '{"features": {"containerd-snapshotter": true}}\n' >"$ROOT/etc/docker/daemon.json"
    load_script
    choose_storage 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--storage-driver=native"
}

@test "storage: no /dev/fuse says so and passes nothing; DOCKERD_STORAGE_DRIVER and daemon.json win" {
    stub stat 'echo 794c7630'
    stub fuse-overlayfs 'exit 0'
    load_script
    run choose_storage
    assert_output --partial "fuse-overlayfs or /dev/fuse is missing"
    printf '{"storage-driver": "vfs"}\n' >"$ROOT/etc/docker/daemon.json"
    choose_storage
    assert_equal "${#dockerd_flags[@]}" 0
    storage_setting=btrfs
    choose_storage
    assert_equal "${dockerd_flags[*]}" "--storage-driver=btrfs"
}

# --- registry mirrors and insecure registries ----------------------------------------------------

@test "registries: each mirror and insecure registry becomes one flag, in order" {
    export DOCKERD_REGISTRY_MIRRORS='https://mirror.example.com,http://172.17.0.1:5000/,https://nexus.example.com/repository/hub'
    export DOCKERD_INSECURE_REGISTRIES='172.17.0.1:5000,10.0.0.0/8,[fd00::1]:5000'
    load_script
    assert_equal "$settings_note" ""
    choose_registries
    assert_equal "${dockerd_flags[*]}" "--registry-mirror=https://mirror.example.com --registry-mirror=http://172.17.0.1:5000/ --registry-mirror=https://nexus.example.com/repository/hub --insecure-registry=172.17.0.1:5000 --insecure-registry=10.0.0.0/8 --insecure-registry=[fd00::1]:5000"
}

@test "registries: a bad entry is reported and left out, the others are passed" {
    export DOCKERD_REGISTRY_MIRRORS='mirror.example.com:5000,https://ok.example.com,ftp://x,https://u:p@x.example'
    export DOCKERD_INSECURE_REGISTRIES='http://reg.example.com,-bad,reg.example.com:5000'
    load_script
    run cat "$BATS_TEST_TMPDIR/settings.err"
    assert_line "startup.sh: ignored: DOCKERD_REGISTRY_MIRRORS entry 'mirror.example.com:5000' is not an http:// or https:// URL, left out"
    assert_line "startup.sh: ignored: DOCKERD_REGISTRY_MIRRORS entry 'ftp://x' is not an http:// or https:// URL, left out"
    assert_line "startup.sh: ignored: DOCKERD_REGISTRY_MIRRORS entry 'https://u:p@x.example' is not an http:// or https:// URL, left out"
    assert_line "startup.sh: ignored: DOCKERD_INSECURE_REGISTRIES entry 'http://reg.example.com' is not host[:port] or a CIDR, left out"
    assert_line "startup.sh: ignored: DOCKERD_INSECURE_REGISTRIES entry '-bad' is not host[:port] or a CIDR, left out"
    choose_registries
    assert_equal "${dockerd_flags[*]}" "--registry-mirror=https://ok.example.com --insecure-registry=reg.example.com:5000"
}

@test "registries: a daemon.json that sets a list keeps it whole, the other list is still passed" {
    export DOCKERD_REGISTRY_MIRRORS=https://mirror.example.com DOCKERD_INSECURE_REGISTRIES=reg.example.com:5000
    printf '{"registry-mirrors": ["https://theirs.example.com"]}\n' >"$ROOT/etc/docker/daemon.json"
    load_script
    run choose_registries
    assert_output "startup.sh: $ROOT/etc/docker/daemon.json sets registry-mirrors: DOCKERD_REGISTRY_MIRRORS is not passed"
    choose_registries 2>/dev/null
    assert_equal "${dockerd_flags[*]}" "--insecure-registry=reg.example.com:5000"
    dockerd_flags=()
    printf '{"registry-mirrors": [], "insecure-registries": ["theirs:5000"]}\n' >"$ROOT/etc/docker/daemon.json"
    choose_registries 2>/dev/null
    assert_equal "${#dockerd_flags[@]}" 0
}

@test "registries: none set passes nothing" {
    load_script
    choose_registries
    assert_equal "${#dockerd_flags[@]}" 0
}

@test "registries: dockerd is started with the flags" {
    export STARTUP_PROC=/proc DOCKERD_REGISTRY_MIRRORS=http://172.17.0.1:5000 DOCKERD_INSECURE_REGISTRIES=172.17.0.1:5000
    running_dockerd_stub 0
    load_script
    run ensure_dockerd
    assert_success
    assert_equal "$(calls | grep -c -- '^dockerd .*--registry-mirror=http://172.17.0.1:5000 --insecure-registry=172.17.0.1:5000')" 1
    stop_dockerd 2>/dev/null
}

# --- daemon.json and the shutdown bound ---------------------------------------------------------

@test "shutdown: dockerd's shutdown timeout fits the grace period, unless daemon.json sets one" {
    export DOCKERD_STOP_GRACE=30
    load_script
    dockerd_args
    assert_equal "${dockerd_flags[*]}" "--shutdown-timeout=27"
    stop_grace_s=3
    dockerd_args
    assert_equal "${dockerd_flags[*]}" "--shutdown-timeout=1"
    printf '{"shutdown-timeout": 5}\n' >"$ROOT/etc/docker/daemon.json"
    dockerd_args
    assert_equal "${#dockerd_flags[@]}" 0
}

# --- pid files and liveness ---------------------------------------------------------------------

@test "pid files: stale docker and containerd pid files are removed, others kept" {
    touch "$ROOT/run/docker.pid" "$ROOT/var/run/containerd.pid" "$ROOT/run/other.pid"
    mkdir -p "$ROOT/run/docker/containerd" && touch "$ROOT/run/docker/containerd/containerd.pid"
    load_script
    remove_stale_pid_files
    assert_file_not_exists "$ROOT/run/docker.pid"
    assert_file_not_exists "$ROOT/var/run/containerd.pid"
    assert_file_not_exists "$ROOT/run/docker/containerd/containerd.pid"
    assert_file_exists "$ROOT/run/other.pid"
}

@test "running dockerd: a pid file naming another process, a zombie or nothing is no running dockerd" {
    mkdir -p "$ROOT/proc/41" "$ROOT/proc/42" "$ROOT/proc/43"
    printf '41 (dockerd) S 1 41\n' >"$ROOT/proc/41/stat"
    printf '42 (sleep) S 1 42\n' >"$ROOT/proc/42/stat"
    printf '43 (dockerd) Z 1 43\n' >"$ROOT/proc/43/stat"
    load_script
    echo 41 >"$ROOT/var/run/docker.pid"
    run running_dockerd
    assert_output 41
    for pid in 42 43 44; do
        echo "$pid" >"$ROOT/var/run/docker.pid"
        run running_dockerd
        assert_failure
    done
    rm "$ROOT/var/run/docker.pid"
    run running_dockerd
    assert_failure
}

# --- cgroup v2 ----------------------------------------------------------------------------------

@test "cgroups: every process moves to init, then all controllers are delegated" {
    cgroups="$ROOT/sys/fs/cgroup"
    mkdir -p "$cgroups"
    printf 'cpu memory pids\n' >"$cgroups/cgroup.controllers"
    printf '1\n7\n' >"$cgroups/cgroup.procs"
    : >"$cgroups/cgroup.subtree_control"
    load_script
    nest_cgroups
    assert_file_exists "$cgroups/init/cgroup.procs"
    assert_equal "$(cat "$cgroups/cgroup.subtree_control")" "+cpu +memory +pids"
}

@test "cgroups: a delegation that fails (EBUSY: a process landed in the root group) is retried until it works" {
    cgroups="$ROOT/sys/fs/cgroup"
    mkdir -p "$cgroups/cgroup.subtree_control" # a write fails, as the kernel's EBUSY would
    printf 'cpu memory pids\n' >"$cgroups/cgroup.controllers"
    printf '1\n7\n' >"$cgroups/cgroup.procs"
    load_script
    (sleep 0.2; rmdir "$cgroups/cgroup.subtree_control") & # the third attempt finds it writable
    run nest_cgroups
    wait
    assert_success
    assert_output ""
    assert_equal "$(cat "$cgroups/cgroup.subtree_control")" "+cpu +memory +pids"
}

@test "cgroups: a delegation that keeps failing is retried 5 times, then reported with the reason" {
    cgroups="$ROOT/sys/fs/cgroup"
    mkdir -p "$cgroups/cgroup.subtree_control"
    printf 'cpu\n' >"$cgroups/cgroup.controllers"
    : >"$cgroups/cgroup.procs"
    load_script
    run nest_cgroups
    assert_failure
    assert_output --regexp "^startup.sh: cgroup v2: could not delegate the controllers \(\+cpu\) after 5 attempts: .*[Ii]s a directory"
}

@test "cgroups: cgroup v1 (no cgroup.controllers) is left alone" {
    load_script
    run nest_cgroups
    assert_success
    assert_output ""
}

# --- start, wait, retry, give up ----------------------------------------------------------------

@test "start: dockerd that answers makes the status ready" {
    export STARTUP_PROC=/proc
    running_dockerd_stub 0
    load_script
    run ensure_dockerd
    assert_success
    assert_equal "$(cat "$ROOT/run/devcontainer-dockerd.status")" ready
    stop_dockerd 2>/dev/null
}

@test "start: dockerd that exits is started again, then the status says why it gave up" {
    export STARTUP_PROC=/proc DOCKERD_ATTEMPTS=2
    stub dockerd 'if [[ ${1:-} == --help ]]; then exit 0; fi; echo "failed to start daemon: no space left on device"; exit 1'
    stub docker 'exit 1'
    load_script
    run ensure_dockerd
    assert_failure
    assert_output --partial "attempt 1 of 2 failed (dockerd exited during start-up: failed to start daemon: no space left on device); trying again"
    assert_equal "$(cat "$ROOT/run/devcontainer-dockerd.status")" "failed: dockerd exited during start-up: failed to start daemon: no space left on device"
    assert_equal "$(calls | grep -c '^dockerd --shutdown')" 2
}

@test "start: a dockerd that never answers fails after DOCKERD_TIMEOUT, without a second start" {
    export STARTUP_PROC=/proc DOCKERD_TIMEOUT=1
    running_dockerd_stub 30
    load_script
    run ensure_dockerd
    assert_failure
    assert_equal "$(cat "$ROOT/run/devcontainer-dockerd.status")" "failed: dockerd did not answer within 1s (DOCKERD_TIMEOUT); last log line: stub dockerd: started"
    assert_equal "$(calls | grep -c '^dockerd --shutdown')" 1
    stop_dockerd 2>/dev/null
}

@test "start: a docker info that hangs does not stretch the wait: each call is bounded" {
    export STARTUP_PROC=/proc DOCKERD_TIMEOUT=1
    running_dockerd_stub 30
    stub docker 'exec sleep 20'
    load_script
    started=$SECONDS
    run ensure_dockerd
    assert_failure
    (( SECONDS - started <= 5 )) # 1 s + 1 s for the quick checks, 1 s for the wait; unbounded: 60 s
    stop_dockerd 2>/dev/null
}

# --- stop ---------------------------------------------------------------------------------------

@test "stop: SIGTERM reaches dockerd and the stop waits until it is gone" {
    export STARTUP_PROC=/proc
    running_dockerd_stub 0
    load_script
    ensure_dockerd 2>/dev/null
    pid=$(cat "$ROOT/var/run/docker.pid")
    run stop_dockerd
    assert_success
    assert_output --partial "stopping dockerd (pid $pid)"
    assert_output --partial "dockerd has stopped"
    run alive "$pid" # gone, or a zombie nobody here reaps
    assert_failure
}

# --- supervision (the whole script as the entrypoint) -------------------------------------------

@test "supervision: a dockerd killed while the container runs is started again; a stop restarts nothing" {
    export STARTUP_PROC=/proc DOCKERD_STOP_GRACE=5
    running_dockerd_stub 0
    load_script # for alive(); the script below runs as a process of its own
    bash "$SCRIPT" sleep 60 2>"$BATS_TEST_TMPDIR/startup.log" &
    script=$!
    for _ in $(seq 50); do [[ $(cat "$ROOT/run/devcontainer-dockerd.status" 2>/dev/null) == ready ]] && break; sleep 0.1; done
    assert_equal "$(cat "$ROOT/run/devcontainer-dockerd.status")" ready
    first=$(cat "$ROOT/var/run/docker.pid")

    kill -KILL "$first"
    rm -f "$ROOT/run/stub-dockerd-answers" # what the daemon's answers were
    for _ in $(seq 80); do
        second=$(cat "$ROOT/var/run/docker.pid" 2>/dev/null || true)
        [[ -n $second && $second != "$first" && $(cat "$ROOT/run/devcontainer-dockerd.status") == ready ]] && break
        sleep 0.1
    done
    assert_not_equal "$second" "$first"
    assert_equal "$(cat "$ROOT/run/devcontainer-dockerd.status")" ready
    run cat "$BATS_TEST_TMPDIR/startup.log"
    assert_line --partial "dockerd exited on its own; last log line: stub dockerd: started; starting it again in 1s (restart 1 of 5)"

    kill -TERM "$script"
    code=0
    wait "$script" || code=$?
    assert_equal "$code" 143
    run alive "$second"
    assert_failure
    assert_equal "$(calls | grep -c '^dockerd --shutdown')" 2
}

@test "supervision: DOCKERD_RESTARTS=0 leaves a dead dockerd dead and the status says so" {
    export STARTUP_PROC=/proc DOCKERD_RESTARTS=0
    running_dockerd_stub 0
    bash "$SCRIPT" sleep 60 2>"$BATS_TEST_TMPDIR/startup.log" &
    script=$!
    for _ in $(seq 50); do [[ $(cat "$ROOT/run/devcontainer-dockerd.status" 2>/dev/null) == ready ]] && break; sleep 0.1; done
    kill -KILL "$(cat "$ROOT/var/run/docker.pid")"
    for _ in $(seq 30); do [[ $(cat "$ROOT/run/devcontainer-dockerd.status") == failed* ]] && break; sleep 0.1; done
    run cat "$ROOT/run/devcontainer-dockerd.status"
    assert_output --partial "failed: dockerd exited and was started again 0 times in a row (DOCKERD_RESTARTS)"
    kill -TERM "$script"
    wait "$script" || true
    assert_equal "$(calls | grep -c '^dockerd --shutdown')" 1
}

@test "entrypoint: a bad setting keeps the container up and running its command" {
    export STARTUP_PROC=/proc DOCKERD_TIMEOUT=30s DOCKERD_ATTEMPTS=x
    running_dockerd_stub 0
    run bash "$SCRIPT" sh -c 'echo command ran'
    assert_success
    assert_line "command ran"
    assert_line --partial "ignored: DOCKERD_TIMEOUT='30s'"
}
