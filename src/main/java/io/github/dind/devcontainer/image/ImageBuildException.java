package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.DevcontainerException;
import java.util.List;

/** The daemon could not build the image: a Dockerfile step failed, the build timed out or broke off. */
public final class ImageBuildException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isFailure() {
        return true;
    }

    /** A step failed: name it, say why, and show what it printed last. */
    static ImageBuildException stepFailed(String step, String error, List<String> lastOutput) {
        StringBuilder text = new StringBuilder("The image build failed at ")
                .append(step == null ? "the start (before the first step)" : step).append(":")
                .append(System.lineSeparator()).append("    ").append(error);
        if (!lastOutput.isEmpty()) {
            text.append(System.lineSeparator()).append("  Last output of that step:");
            lastOutput.forEach(line -> text.append(System.lineSeparator()).append("    | ").append(line));
        }
        return new ImageBuildException(text.toString());
    }
}
