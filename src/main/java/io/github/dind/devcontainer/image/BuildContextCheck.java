package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.context.BuildContextException;
import io.github.dind.devcontainer.image.context.LineEndings;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What is checked in the build context before anything is sent: the context and the Dockerfile are there, and line endings. */
final class BuildContextCheck {
    private BuildContextCheck() {
    }

    /** A Windows checkout's CRLF endings break a shell script's shebang: say which files and how to fix the checkout. */
    static void warnAboutCrlf(BuildRequest request, Console console) throws IOException {
        List<String> crlf = LineEndings.crlfFiles(request.contextDirectory(), request.dockerfile());
        if (!crlf.isEmpty()) {
            console.warn("Windows (CRLF) line endings in " + String.join(", ", crlf) + " of the build context "
                    + request.contextDirectory() + ". The generated Dockerfile strips them from startup.sh, but a shell"
                    + " script run in the image with CRLF fails (its shebang names \"bash\\r\"). Keep LF in Git:"
                    + " devcontainer:generate writes .devcontainer/.gitattributes; then run git add --renormalize ."
                    + " and check out again.");
        }
    }

    /**
     * The Dockerfile, after checking that it and the context are there. A Dockerfile outside the
     * context is sent with it, as the docker CLI sends one ({@link io.github.dind.devcontainer.image.context.ContextArchive}).
     *
     * @throws BuildContextException naming what is missing and the setting that points at it
     */
    static Path dockerfile(BuildRequest request) throws BuildContextException {
        Path context = request.contextDirectory();
        if (!Files.isDirectory(context)) {
            throw new BuildContextException("The build context " + context + " does not exist. Run"
                    + " devcontainer:generate first, or point " + Setting.ref("directory") + " at a directory with a Dockerfile.");
        }
        Path dockerfile = request.dockerfile();
        if (!Files.isRegularFile(dockerfile)) {
            throw new BuildContextException("There is no Dockerfile at " + dockerfile + ". Run devcontainer:generate"
                    + " first, or set " + Setting.ref("dockerfile") + " (relative to " + Setting.ref("directory") + ").");
        }
        return dockerfile;
    }
}
