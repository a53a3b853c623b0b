package io.github.dind.devcontainer.generate.files;

import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.TemplateException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files for a team that prebuilds its devcontainer image in CI: {@code devcontainer.json} opens
 * the prebuilt image by name ({@code {"name", "image"}}; the image's {@code devcontainer.metadata}
 * label carries the rest), and the rendered, build-based devcontainer.json moves to
 * {@code build/devcontainer.json} with its Dockerfile and context one folder up — a second
 * configuration clients offer (containers.dev, "devcontainer.json locations":
 * {@code .devcontainer/<folder>/devcontainer.json}), and the one {@code build} takes the label from.
 */
public final class PrebuiltImageFiles {
    /** The build-based configuration's place, relative to the devcontainer folder. */
    public static final String BUILD_CONFIG = "build/devcontainer.json";

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private PrebuiltImageFiles() {
    }

    /**
     * @param files what the renderer made
     * @param image a valid image reference (checked by the caller)
     * @param name the devcontainer's name
     * @throws TemplateException when the rendered devcontainer.json has no {@code build.dockerfile}
     *     to move (a template of your own that does not build)
     */
    public static List<GeneratedFile> apply(List<GeneratedFile> files, String image, String name) throws TemplateException {
        List<GeneratedFile> result = new ArrayList<>();
        for (GeneratedFile file : files) {
            if (!file.fileName().equals("devcontainer.json")) {
                result.add(file);
                continue;
            }
            result.add(new GeneratedFile(BUILD_CONFIG, file.format(), moveBuildUp(file.body()), false));
            result.add(new GeneratedFile("devcontainer.json", file.format(), imageBased(image, name), false));
        }
        return result;
    }

    static String imageBased(String image, String name) {
        ObjectNode config = JSONC.createObjectNode();
        config.put("name", name);
        config.put("image", image);
        try {
            return "// Opens the image CI built and pushed (mvn devcontainer:push). How to start it (privileged, its\n"
                    + "// entrypoint kept, the /var/lib/docker volume, postStartCommand) is in the image's\n"
                    + "// devcontainer.metadata label; build/devcontainer.json builds the same image locally.\n"
                    + JSONC.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same text with {@code build.dockerfile}, {@code build.context} and each local Feature
     * ({@code "./name"}, a key of {@code features} or an entry of {@code overrideFeatureInstallOrder})
     * prefixed by {@code ../}; comments kept.
     */
    static String moveBuildUp(String devcontainerJson) throws TemplateException {
        JsonNode build;
        JsonNode config;
        try {
            config = JSONC.readTree(devcontainerJson);
            build = config.path("build");
        } catch (IOException e) {
            throw new TemplateException("The rendered devcontainer.json is not JSON with comments: " + e.getMessage(), e);
        }
        String dockerfile = build.path("dockerfile").asText(null);
        if (dockerfile == null) {
            throw new TemplateException("The rendered devcontainer.json has no build.dockerfile, so it cannot move to "
                    + BUILD_CONFIG + " for a prebuilt image; give it a build section, or leave out prebuiltImage.");
        }
        String context = build.path("context").asText(".");
        String moved = replaceString(devcontainerJson, "dockerfile", dockerfile, "../" + dockerfile);
        moved = build.has("context") ? replaceString(moved, "context", context, context.equals(".") ? ".." : "../" + context)
                : moved;
        List<String> local = new ArrayList<>();
        config.path("features").fieldNames().forEachRemaining(id -> {
            if (id.startsWith("./")) {
                local.add(id);
            }
        });
        for (String id : local) {
            // the quoted id, wherever it stands: the features key and overrideFeatureInstallOrder's entry
            moved = moved.replace("\"" + id + "\"", "\"../" + id.substring(2) + "\"");
        }
        return moved;
    }

    private static String replaceString(String text, String key, String value, String replacement) throws TemplateException {
        Pattern pattern = Pattern.compile("(\"" + key + "\"\\s*:\\s*)\"" + Pattern.quote(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"");
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new TemplateException("Cannot find \"" + key + "\" in the rendered devcontainer.json to move it to " + BUILD_CONFIG);
        }
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + "\"" + replacement + "\""));
    }
}
