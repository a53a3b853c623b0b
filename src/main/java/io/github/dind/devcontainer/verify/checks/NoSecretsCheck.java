package io.github.dind.devcontainer.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ImageSurface;
import io.github.dind.devcontainer.secrets.CredentialDetector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The image holds no credential where anyone who pulls it can read it ({@link CredentialDetector}):
 * each history entry's {@code created_by} (a build argument's value is recorded there as
 * {@code |1 NAME=value}, an {@code ENV} or {@code LABEL} line as written), the environment
 * ({@code Config.Env}) and every label, the {@code devcontainer.metadata} label read as JSON
 * ({@code containerEnv}, {@code remoteEnv}, the lifecycle commands, every string in it, each under its
 * property's name). A failure names each place and name, and what it looks like, never the value.
 *
 * <p>It reads the image from the engine ({@code docker image inspect}, {@code docker history}), not
 * the container, so it needs nothing else to pass and runs alongside the inner checks.
 */
final class NoSecretsCheck extends AbstractCheck {
    static final String ID = "no-secrets";

    private final Callable<ImageSurface> image;
    private final CredentialDetector detector;

    /**
     * @param image reads the image's history, environment and labels from the engine
     * @param allowed names and format ids the user accepts ({@code allowedSecrets})
     */
    NoSecretsCheck(Callable<ImageSurface> image, Collection<String> allowed) {
        super(ID, "no credential in the image's history, environment or labels", Set.of(), Duration.ZERO);
        this.image = image;
        this.detector = new CredentialDetector(allowed);
    }

    /** It asks the engine about the image and nothing of the container. */
    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public Observation run(Container container, Timings timings) throws Exception {
        ImageSurface surface = image.call();
        List<CredentialDetector.Finding> found = findings(surface);
        if (found.isEmpty()) {
            return Observation.pass("nothing that looks like a credential in " + surface.history().size()
                    + " history entries, " + surface.env().size() + " environment variables and " + surface.labels().size()
                    + " labels");
        }
        List<String> places = found.stream().map(CredentialDetector.Finding::describe).toList();
        return Observation.fail(found.size() + (found.size() == 1 ? " value looks" : " values look") + " like a credential"
                + " in the image, where anyone who pulls it reads " + (found.size() == 1 ? "it" : "them") + " (push"
                + " publishes the history, environment and labels with it): " + String.join("; ", places) + ". Keep"
                + " secrets out of the image: give them to the container when it starts (\"remoteEnv\": {\"NAME\":"
                + " \"${localEnv:NAME}\"} in devcontainer.json, a file mounted at run time), not as build arguments, ENV"
                + " lines or literal values in devcontainer.json; then rebuild, and revoke any credential an image that"
                + " was pushed holds. If one is no secret, list its name (or its format's id) in allowedSecrets.");
    }

    List<CredentialDetector.Finding> findings(ImageSurface surface) {
        List<CredentialDetector.Finding> found = new ArrayList<>();
        for (int row = 0; row < surface.history().size(); row++) {
            found.addAll(detector.inText("history row " + (row + 1), surface.history().get(row)));
        }
        for (String variable : surface.env()) {
            int equals = variable.indexOf('=');
            found.addAll(equals < 0 ? detector.inText("the image's environment", variable)
                    : detector.inNamedValue("the image's environment", variable.substring(0, equals),
                            variable.substring(equals + 1)));
        }
        for (Map.Entry<String, String> label : surface.labels().entrySet()) {
            if (label.getKey().equals(ImageMetadata.LABEL)) {
                found.addAll(metadata(label.getValue()));
            } else {
                found.addAll(detector.inNamedValue("labels", label.getKey(), label.getValue()));
            }
        }
        return found;
    }

    /** Every string of every entry, under its property's name; a label that is no JSON, as a text. */
    private List<CredentialDetector.Finding> metadata(String value) {
        String where = "label " + ImageMetadata.LABEL;
        List<ObjectNode> entries;
        try {
            entries = ImageMetadata.entries(value);
        } catch (IOException e) {
            return detector.inText(where, value);
        }
        List<CredentialDetector.Finding> found = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).path("id").asText("");
            walk(entries.get(i), where + ", entry " + (i + 1) + (id.isEmpty() ? "" : " (" + id + ")"), null, found);
        }
        return found;
    }

    private void walk(JsonNode node, String where, String name, List<CredentialDetector.Finding> found) {
        if (node.isTextual()) {
            found.addAll(name == null ? detector.inText(where, node.asText()) : detector.inNamedValue(where, name,
                    node.asText()));
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, where, name, found));
        } else if (node.isObject()) {
            String inner = name == null ? where : where + ", " + name;
            node.fields().forEachRemaining(field -> walk(field.getValue(), inner, field.getKey(), found));
        }
    }
}
