package io.github.dind.devcontainer.image;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.secrets.CredentialDetector;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams the daemon's build output to the console line by line: each Dockerfile step, then its
 * output. A carriage return (a progress bar redrawing itself) keeps only what follows it, so a log
 * file never fills with partial lines. Remembers the current step and its last lines for the error
 * message when the step fails.
 *
 * <p>A step line shows the instruction as the daemon runs it, values included: a {@code LABEL} step
 * holds the whole {@code devcontainer.metadata} label, an {@code ENV} step its values. What looks like a
 * credential there ({@link CredentialDetector#redact}) is shown as its preview, never as the value: a
 * CI log is as public as the image, often more. The steps' output is shown as it comes.
 */
final class BuildProgress extends BuildImageResultCallback {
    static final int REMEMBERED_LINES = 15;
    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : .*");
    private static final Pattern DAEMON_NOISE = Pattern.compile(
            "^ ---> (Running in \\w+|[0-9a-f]{12,})$|^Removing intermediate container \\w+$|^Successfully (built|tagged) .*");

    private static final CredentialDetector REDACT = CredentialDetector.strict();

    private final Console console;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private static final Pattern STEP_IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12,})$");
    private volatile String step;
    private volatile String lastImage;
    private volatile String error;

    BuildProgress(Console console) {
        this.console = console;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        super.onNext(item);
        if (item.getStream() != null) {
            accept(item.getStream());
        }
        if (item.getStatus() != null) {
            console.debug("  " + item.getStatus() + (item.getId() == null ? "" : " " + item.getId()));
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
        }
    }

    synchronized void accept(String chunk) {
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            int carriageReturn = line.lastIndexOf('\r');
            line(carriageReturn >= 0 ? line.substring(carriageReturn + 1) : line);
        }
    }

    private void line(String line) {
        if (line.isBlank()) {
            return;
        }
        java.util.regex.Matcher image = STEP_IMAGE.matcher(line);
        if (image.matches()) {
            lastImage = image.group(1);
        }
        if (STEP.matcher(line).matches()) {
            step = REDACT.redact(line);
            lastLines.clear();
            console.info(step);
        } else if (" ---> Using cache".equals(line)) {
            console.info("  (cached)");
        } else if (DAEMON_NOISE.matcher(line).matches()) {
            console.debug("  " + line.strip());
        } else {
            console.info("  " + line);
            lastLines.addLast(line);
            if (lastLines.size() > REMEMBERED_LINES) {
                lastLines.removeFirst();
            }
        }
    }

    /** The step the build was at, e.g. {@code Step 3/8 : RUN false}; null before the first. */
    String step() {
        return step;
    }

    /**
     * The image of the last step the classic builder finished ({@code  ---> ID}), or null before the
     * first: what a failed build leaves behind, untagged.
     */
    String lastImage() {
        return lastImage;
    }

    /** The daemon's error message, or null when the build has not failed. */
    String error() {
        return error;
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }
}
