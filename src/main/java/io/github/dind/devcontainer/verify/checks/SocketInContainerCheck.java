package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 7. An inner container with {@code /var/run/docker.sock} bind-mounted talks to the inner daemon, as
 * Testcontainers' reaper (Ryuk) and any docker-outside-of-docker tool do.
 */
final class SocketInContainerCheck extends InnerScriptCheck {
    static final String ID = "socket-in-container";
    static final String SCRIPT = String.join("\n",
            "import_probe",
            "version=$(inner -v /var/run/docker.sock:/var/run/docker.sock \"$probe_image\" docker version --format '{{.Server.Version}}')",
            "[[ -n $version ]] || { echo 'docker version in an inner container printed no server version'; exit 1; }",
            "echo \"an inner container reached Docker $version through the mounted /var/run/docker.sock\"");

    SocketInContainerCheck(Duration timeout) {
        super(ID, "an inner container talks to the daemon through the mounted socket", Set.of(InnerContainerCheck.ID), timeout);
    }

    @Override
    String script(Container container) {
        return SCRIPT;
    }
}
