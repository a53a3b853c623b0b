package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 9. Inner containers resolve what the devcontainer resolves. When the devcontainer's only resolvers
 * are loopback ones (Docker's embedded 127.0.0.11 on a user-defined network), an inner container on
 * the default bridge and one on a network created inside must resolve the devcontainer's own
 * container name (which only that resolver knows) or else its hostname; the inner daemon drops
 * loopback resolvers (moby#20037). Otherwise inner containers must be given the devcontainer's
 * resolvers, or those dockerd was started with ({@code --dns}, from {@code DOCKERD_DNS}). Offline: only names the devcontainer's resolvers answer locally are asked.
 */
final class InnerDnsCheck extends InnerScriptCheck {
    static final String ID = "inner-dns";
    static final String SCRIPT = String.join("\n",
            "servers=(); loopback_only=1",
            "while read -r keyword address rest; do",
            "  [[ $keyword == nameserver ]] || continue",
            "  servers+=(\"$address\")",
            "  [[ $address == 127.* || $address == ::1 ]] || loopback_only=0",
            "done </etc/resolv.conf",
            "((${#servers[@]} > 0)) || { echo \"the devcontainer's resolv.conf names no nameserver\"; exit 1; }",
            "import_probe",
            "if ((loopback_only)); then",
            "  name=",
            "  for candidate in \"$1\" \"$(hostname)\"; do",
            "    if [[ -n $candidate ]] && getent hosts \"$candidate\" >/dev/null; then name=$candidate; break; fi",
            "  done",
            "  [[ -n $name ]] || { echo \"the devcontainer resolves neither its container name '$1' nor its hostname\"; exit 1; }",
            "  network=devcontainer-verify-dns-$$",
            "  docker network create \"$network\" >/dev/null",
            "  on_exit \"docker network rm $network\"",
            "  for on in bridge \"$network\"; do",
            "    inner --network \"$on\" \"$probe_image\" getent hosts \"$name\" >/dev/null \\",
            "      || { echo \"an inner container on network $on cannot resolve $name, which the devcontainer resolves through ${servers[*]}\"; exit 1; }",
            "  done",
            "  echo \"inner containers on the default bridge and on a network created inside resolve $name (the devcontainer asks ${servers[*]})\"",
            "else",
            "  inner_servers=$(inner \"$probe_image\" /bin/bash -c 'while read -r k a r; do [[ $k == nameserver ]] && echo \"$a\"; done </etc/resolv.conf; true' | sort | tr '\\n' ' ')",
            "  own=$(printf '%s\\n' \"${servers[@]}\" | sort | tr '\\n' ' ')",
            // resolvers given to dockerd on purpose (DOCKERD_DNS) are what inner containers must ask then
            "  given=$(tr '\\0' '\\n' <\"/proc/$(cat /var/run/docker.pid 2>/dev/null)/cmdline\" 2>/dev/null | sed -n 's/^--dns=//p' | sort | tr '\\n' ' ' || true)",
            "  if [[ -n $given ]]; then",
            "    [[ $inner_servers == \"$given\" ]] || { echo \"inner containers ask ${inner_servers:-no nameserver}, dockerd was given --dns $given\"; exit 1; }",
            "    echo \"inner containers ask the resolvers dockerd was given: $given\"",
            "    exit 0",
            "  fi",
            "  [[ $inner_servers == \"$own\" ]] || { echo \"inner containers ask ${inner_servers:-no nameserver}, the devcontainer asks $own\"; exit 1; }",
            "  echo \"inner containers ask the devcontainer's own resolvers: $own\"",
            "fi");

    InnerDnsCheck(Duration timeout) {
        super(ID, "inner containers resolve what the devcontainer resolves", Set.of(InnerContainerCheck.ID), timeout);
    }

    @Override
    String script(Container container) {
        return SCRIPT;
    }

    @Override
    String[] arguments(Container container) {
        return new String[] {container.name()};
    }
}
