package io.github.dind.devcontainer.it;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The host tools the ITs of the host tier need besides the Docker engine (README, Development).
 * Each such IT has a selector.groovy — {@code return HostTools.require(basedir, 'podman')} — which
 * the invoker runs before anything else of the IT: with every tool there, the IT runs; with one
 * missing it is skipped with a warning on the console, except under {@code CI=true}, where it fails:
 * CI must not lose an IT silently. {@code it/prepare-host} installs them all.
 */
public final class HostTools {
    private record Tool(String needs, String installedBy, BooleanSupplier present) {
    }

    private static final Map<String, Tool> TOOLS = Map.of(
            "openssl", new Tool("openssl", "it/prepare-host", () -> onPath("openssl")),
            "sshd", new Tool("sshd, ssh and ssh-keygen (openssh-server)", "it/prepare-host",
                    () -> Files.isExecutable(Path.of("/usr/sbin/sshd")) && onPath("ssh") && onPath("ssh-keygen")),
            "podman", new Tool("podman", "it/prepare-host", () -> onPath("podman")),
            "registry", new Tool("Debian's docker-registry and htpasswd (apache2-utils)", "it/prepare-host",
                    () -> Files.isExecutable(Path.of("/usr/bin/docker-registry")) && onPath("htpasswd")),
            "skopeo", new Tool("skopeo (copies images from the engine into a registry)", "it/prepare-host",
                    () -> onPath("skopeo")),
            "npm", new Tool("npm (the devcontainer CLI is installed with it)", "it/prepare-host",
                    () -> onPath("npm") && onPath("node")),
            "forky", new Tool("the base image debian:forky on the engine", "../shared/docker-host/provision --base debian:forky",
                    HostTools::forkyImage),
            "shellcheck", new Tool("shellcheck", "../shared/docker-host/provision", () -> onPath("shellcheck")));

    /** The real console: while a script runs, the invoker sends System.out to the IT's build.log. */
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private HostTools() {
    }

    /**
     * True when every named tool is there. When one is missing: false (the invoker skips the IT) and
     * a warning, or under CI=true an AssertionError (the IT fails).
     */
    public static boolean require(File basedir, String... tools) {
        List<String> missing = new ArrayList<>();
        for (String name : tools) {
            Tool tool = TOOLS.get(name);
            if (tool == null) {
                throw new IllegalArgumentException("no host tool " + name + "; known: " + TOOLS.keySet());
            }
            if (!tool.present().getAsBoolean()) {
                missing.add(tool.needs() + " (" + tool.installedBy() + " installs it)");
            }
        }
        if (missing.isEmpty()) {
            return true;
        }
        String it = "it/" + basedir.getName();
        if (ci()) {
            throw new AssertionError(it + " needs " + String.join(", ", missing) + ", and CI=true: a missing host tool fails the IT");
        }
        String warning = "[WARNING] " + it + " skipped: it needs " + String.join(", ", missing)
                + "; under CI=true this fails";
        System.out.println(warning);
        CONSOLE.println(warning);
        return false;
    }

    /** Whether {@code CI=true}, as CI runners set it. */
    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static boolean forkyImage() {
        try {
            return Commands.proc(List.of("docker", "image", "inspect", "--format", "{{.Id}}", "debian:forky"), 60).getCode() == 0;
        } catch (AssertionError noDocker) {
            return false;
        }
    }
}
