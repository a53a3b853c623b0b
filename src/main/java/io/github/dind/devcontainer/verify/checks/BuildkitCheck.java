package io.github.dind.devcontainer.verify.checks;

import io.github.dind.devcontainer.run.Container;
import java.time.Duration;
import java.util.Set;

/**
 * 10. {@code docker buildx version} and {@code docker compose version} answer, and BuildKit builds a
 * {@code FROM scratch} Dockerfile into the inner daemon (offline: scratch needs no pull).
 */
final class BuildkitCheck extends InnerScriptCheck {
    static final String ID = "buildkit";
    static final String SCRIPT = String.join("\n",
            "buildx=$(docker buildx version) || { echo 'docker buildx version failed: the buildx plugin is missing'; exit 1; }",
            "compose=$(docker compose version) || { echo 'docker compose version failed: the compose plugin is missing'; exit 1; }",
            "dir=$(mktemp -d)",
            "on_exit \"rm -rf $dir\"",
            "printf 'FROM scratch\\nCOPY probe /probe\\n' >\"$dir/Dockerfile\"",
            "echo devcontainer-verify >\"$dir/probe\"",
            "tag=devcontainer-verify-buildkit-$$:latest",
            "on_exit \"docker rmi -f $tag\"",
            "docker buildx build --quiet --tag \"$tag\" \"$dir\" >/dev/null",
            "docker image inspect \"$tag\" >/dev/null || { echo \"the BuildKit build left no image $tag in the daemon\"; exit 1; }",
            "echo \"${buildx%%$'\\n'*}; ${compose%%$'\\n'*}; BuildKit built FROM scratch\"");

    BuildkitCheck(Duration timeout) {
        super(ID, "buildx, compose and a BuildKit build work", Set.of(DockerInfoCheck.ID), timeout);
    }

    @Override
    String script(Container container) {
        return SCRIPT;
    }
}
