package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 6. An inner container connects to a TCP listener in the devcontainer through its bridge gateway, and
 * the devcontainer connects to a listener in an inner container through a published port
 * ({@code -p}, reached at 127.0.0.1): the two paths Testcontainers uses for every container it
 * starts. The listener is dnsmasq (in the image for the DNS forwarder), the client bash's
 * {@code /dev/tcp}.
 */
final class InnerNetworkCheck extends InnerScriptCheck {
    static final String ID = "inner-network";
    static final String SCRIPT = String.join("\n",
            "command -v dnsmasq >/dev/null || { echo 'dnsmasq, the TCP listener this check uses, is missing from the image'; exit 1; }",
            "import_probe",
            "port=$((20000 + RANDOM % 20000))",
            "listen=(dnsmasq --conf-file=/dev/null --no-resolv --no-hosts --user=root --group=root --port=\"$port\")",
            "\"${listen[@]}\" --pid-file=/run/devcontainer-verify-listener.pid",
            "on_exit 'kill \"$(cat /run/devcontainer-verify-listener.pid)\"'",
            "gateway=$(inner \"$probe_image\" /bin/bash -c 'while read -r i d g r; do [[ $d == 00000000 ]] && break; done </proc/net/route",
            "  gw=$((16#${g:6:2})).$((16#${g:4:2})).$((16#${g:2:2})).$((16#${g:0:2}))",
            "  for ((n = 0; n < 50; n++)); do (exec 3<>\"/dev/tcp/$gw/$1\") 2>/dev/null && { echo \"$gw\"; exit 0; }; sleep 0.1; done",
            "  exit 1' - \"$port\") \\",
            "  || { echo \"an inner container could not connect to a listener in the devcontainer (port $port, through its bridge gateway)\"; exit 1; }",
            "cid=$(docker run -d --pull=never -p \"$port\" \"${mounts[@]}\" \"$probe_image\" \"${listen[@]}\" --keep-in-foreground --pid-file=/dev/null)",
            "on_exit \"docker rm -f $cid\"",
            "published=$(docker port \"$cid\" \"$port/tcp\" | head -n 1)",
            "published=${published##*:}",
            "for ((n = 0; n < 50; n++)); do (exec 3<>\"/dev/tcp/127.0.0.1/$published\") 2>/dev/null && break; sleep 0.1; done",
            "((n < 50)) || { echo \"the devcontainer could not connect to 127.0.0.1:$published, published by an inner container (-p $port)\"; docker logs \"$cid\" 2>&1 | tail -n 5; exit 1; }",
            "echo \"inner container -> devcontainer $gateway:$port through the bridge; devcontainer -> inner container 127.0.0.1:$published (-p $port)\"");

    InnerNetworkCheck(Duration timeout) {
        super(ID, "inner containers and the devcontainer reach each other over TCP", Set.of(InnerContainerCheck.ID), timeout);
    }

    @Override
    String script(Container container) {
        return SCRIPT;
    }
}
