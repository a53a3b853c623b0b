package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 8. The MTU of an inner container, on the default bridge and on a network created inside, is at most
 * the MTU of the devcontainer's uplink (the default route's interface). A larger one makes large
 * packets vanish: TLS handshakes and downloads in inner containers hang (coder/envbox#167).
 */
final class MtuCheck extends InnerScriptCheck {
    static final String ID = "mtu";
    static final String SCRIPT = String.join("\n",
            "iface=$(uplink_interface) || { echo 'the devcontainer has no default IPv4 route'; exit 1; }",
            "uplink=$(cat \"/sys/class/net/$iface/mtu\")",
            "import_probe",
            "bridge=$(inner \"$probe_image\" cat /sys/class/net/eth0/mtu)",
            "network=devcontainer-verify-mtu-$$",
            "docker network create \"$network\" >/dev/null",
            "on_exit \"docker network rm $network\"",
            "created=$(inner --network \"$network\" \"$probe_image\" cat /sys/class/net/eth0/mtu)",
            "if ((bridge > uplink || created > uplink)); then",
            "  echo \"inner MTU above the uplink's: default bridge $bridge, a network created inside $created, uplink $iface $uplink\"",
            "  exit 1",
            "fi",
            "echo \"uplink $iface $uplink; inner default bridge $bridge, a network created inside $created\"");

    MtuCheck(Duration timeout) {
        super(ID, "the inner MTU is at most the uplink's", Set.of(InnerContainerCheck.ID), timeout);
    }

    @Override
    String script(Container container) {
        return SCRIPT;
    }
}
