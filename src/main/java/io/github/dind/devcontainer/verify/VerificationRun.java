package io.github.dind.devcontainer.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.docker.ContainerSession;
import io.github.dind.devcontainer.docker.LeftoverSweeper;
import java.util.List;
import java.util.Locale;

/** Starts the image as a devcontainer, runs the checks, and removes everything it created. */
public final class VerificationRun {
    private final DockerClient docker;
    private final Console console;

    public VerificationRun(DockerClient docker, Console console) {
        this.docker = docker;
        this.console = console;
    }

    /** Fails early, with what to do, when the image is not on the daemon; also clears leftovers of killed runs. */
    public void prepare(String image) throws VerificationException {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new VerificationException("The image " + image + " is not on the Docker daemon. Build it first"
                    + " (mvn devcontainer:build, or bind the build goal before verify), or name an existing image"
                    + " with <image> / -Ddevcontainer.image=NAME:TAG.", e);
        }
        new LeftoverSweeper(docker, console).sweep();
    }

    public VerificationReport run(ContainerSession.StartRequest request, List<Check> checks) throws VerificationException {
        ContainerSession session;
        try {
            session = ContainerSession.start(docker, request, console);
        } catch (DockerException e) {
            throw new VerificationException(cannotStart(request.image(), e), e);
        }
        try (session) {
            console.info("Started " + session.name() + " (" + session.id().substring(0, 12) + ") from " + request.image());
            return new Verifier(checks, console).verify(request.image(), session, session.name());
        }
    }

    private String cannotStart(String image, DockerException e) {
        String reason = Errors.rootMessage(e);
        String text = "The Docker daemon would not start " + image + " as a privileged container: " + reason;
        if (rootless()) {
            return text + ". This daemon runs rootless, and a rootless daemon cannot grant what Docker-in-Docker"
                    + " needs. Verify against a rootful daemon (DOCKER_HOST or -Ddevcontainer.dockerHost).";
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
