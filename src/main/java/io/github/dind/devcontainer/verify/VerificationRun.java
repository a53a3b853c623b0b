package io.github.dind.devcontainer.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.docker.ContainerSession;
import io.github.dind.devcontainer.docker.LeftoverSweeper;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Starts the image as a devcontainer, runs the checks, and removes everything it created. */
public final class VerificationRun {
    private final DockerClient docker;
    private final Console console;
    private CompletableFuture<Void> leftoverSweep;

    public VerificationRun(DockerClient docker, Console console) {
        this.docker = docker;
        this.console = console;
    }

    /**
     * Starts the container, runs the checks, removes the container. While the first devcontainer
     * boots, a background task removes what earlier runs killed outright left behind (once per
     * goal, not per repeated boot).
     */
    public VerificationReport run(ContainerSession.StartRequest request, List<Check> checks) throws VerificationException {
        ContainerSession session;
        try {
            session = ContainerSession.start(docker, request, console);
        } catch (NotFoundException e) {
            throw new VerificationException("The image " + request.image() + " is not on the Docker daemon. Build it"
                    + " first (mvn devcontainer:build, or bind the build goal before verify), or name an existing image"
                    + " with " + Setting.assign("image", "NAME:TAG") + ".", e);
        } catch (DockerException e) {
            throw new VerificationException(cannotStart(request.image(), e), e);
        }
        if (leftoverSweep == null) {
            leftoverSweep = CompletableFuture.runAsync(this::sweepLeftovers);
        }
        try (session) {
            console.info("Started " + session.name() + " (" + session.id().substring(0, 12) + ") from " + request.image());
            return new Verifier(checks, console).verify(request.image(), session, session.name());
        } finally {
            leftoverSweep.join();
        }
    }

    private void sweepLeftovers() {
        try {
            new LeftoverSweeper(docker, console).sweep();
        } catch (RuntimeException e) {
            console.warn("Could not look for what earlier verify runs left behind: " + Errors.rootMessage(e));
        }
    }

    private String cannotStart(String image, DockerException e) {
        String reason = Errors.rootMessage(e);
        String text = "The Docker daemon would not start " + image + " as a privileged container: " + reason;
        if (rootless()) {
            return text + ". This daemon runs rootless, and a rootless daemon cannot grant what Docker-in-Docker"
                    + " needs. Verify against a rootful daemon (DOCKER_HOST or " + Setting.ref("dockerHost") + ").";
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("operation not permitted") || lower.contains("privileged") || lower.contains("capabilit")) {
            return text + ". The daemon cannot grant privileged containers here: it may run rootless, in a"
                    + " user namespace, or on a host whose capability bounding set lacks capabilities that"
                    + " --privileged asks for. Docker-in-Docker needs a daemon that can run docker run --privileged.";
        }
        return text;
    }

    private boolean rootless() {
        try {
            Info info = docker.infoCmd().exec();
            return info.getSecurityOptions() != null
                    && info.getSecurityOptions().stream().anyMatch(o -> o.contains("rootless"));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
