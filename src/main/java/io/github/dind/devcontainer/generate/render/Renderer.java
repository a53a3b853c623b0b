package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.Setting;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders the devcontainer files from mustache templates, escaping every value for its file's format. */
public final class Renderer {
    /** The files the plugin writes, in the order it writes them. */
    private static final List<Target> FILES = List.of(
            new Target("Dockerfile", Format.DOCKERFILE, false),
            new Target("startup.sh", Format.SHELL, true),
            new Target("devcontainer.json", Format.JSON, false),
            // Docker-in-Docker as a local Feature: what every client merges before devcontainer.json
            new Target("dind/devcontainer-feature.json", Format.JSON, false),
            new Target("dind/install.sh", Format.SHELL, true),
            // an offline-ready local repository, as a local Feature; its payload (repository.tar) is build's,
            // kept out of git and out of the Dockerfile's context
            new Target("offline-repository/devcontainer-feature.json", Format.JSON, false, "offlineRepository"),
            new Target("offline-repository/install.sh", Format.SHELL, true, "offlineRepository"),
            new Target("offline-repository/copy-repository.sh", Format.SHELL, true, "offlineRepository"),
            new Target("offline-repository/.gitignore", Format.IGNORE, false, "offlineRepository"),
            new Target(".gitattributes", Format.GITATTRIBUTES, false),
            // images for the inner daemon (preloadImages): a second local Feature, after dind
            new Target("preload/devcontainer-feature.json", Format.JSON, false, "preload"),
            new Target("preload/install.sh", Format.SHELL, true, "preload"),
            new Target("preload/load.sh", Format.SHELL, true, "preload"),
            new Target("preload/images.txt", Format.LIST, false, "preload"),
            new Target("preload/.gitignore", Format.IGNORE, false, "preload"),
            // keeps the payloads of both out of the Dockerfile's context
            new Target(".dockerignore", Format.IGNORE, false, "payloadFeatures"),
            // the mavenSettings mount's initializeCommand: a shell script, and the batch file Windows runs in its place
            new Target("maven-settings", Format.SHELL, true, "mavenSettings"),
            new Target("maven-settings.cmd", Format.BATCH, false, "mavenSettings"));

    /** @param onlyWhen the model's switch that asks for the file; null: always */
    private record Target(String fileName, Format format, boolean executable, String onlyWhen) {
        Target(String fileName, Format format, boolean executable) {
            this(fileName, format, executable, null);
        }

        boolean wanted(Map<String, Object> model) {
            return onlyWhen == null || Boolean.TRUE.equals(model.get(onlyWhen));
        }

        String template() {
            return fileName + ".mustache";
        }
    }

    private final TemplateResolver resolver;
    private final Map<Format, FormatMustacheFactory> factories = new EnumMap<>(Format.class);

    /**
     * @param templateDirectory the user's own templates ({@code Dockerfile.mustache}, ...), each
     *     one replacing the bundled template of the same name; null for the bundled ones only
     */
    public Renderer(Path templateDirectory) throws TemplateException {
        if (templateDirectory != null && !Files.isDirectory(templateDirectory)) {
            throw new TemplateException(Setting.ref("templateDirectory") + " " + templateDirectory + " is not a directory."
                    + " Create it and put your own Dockerfile.mustache, startup.sh.mustache or"
                    + " devcontainer.json.mustache in it, or remove the parameter to use the bundled templates.");
        }
        this.resolver = new TemplateResolver(templateDirectory);
        for (Format format : Format.values()) {
            factories.put(format, new FormatMustacheFactory(resolver, format));
        }
    }

    /** The templates the user's directory overrides, e.g. {@code [startup.sh.mustache]}. */
    public List<String> overriddenTemplates() {
        return FILES.stream().map(Target::template).filter(resolver::isOverridden).toList();
    }

    public List<GeneratedFile> render(GenerateRequest request) throws TemplateException {
        Map<String, Object> model = TemplateModel.of(request);
        List<GeneratedFile> files = new ArrayList<>();
        for (Target file : FILES) {
            if (!file.wanted(model)) {
                continue;
            }
            files.add(new GeneratedFile(file.fileName(), file.format(),
                    render(file.template(), file.format(), model), file.executable()));
        }
        return files;
    }

    private String render(String template, Format format, Map<String, Object> model) throws TemplateException {
        String origin = resolver.isOverridden(template) ? "your template " + template : "template " + template;
        try {
            Mustache mustache = factories.get(format).compile(template);
            StringWriter out = new StringWriter();
            mustache.execute(out, model);
            if (format == Format.DOCKERFILE) {
                EscapeDirective.check(out.toString());
            }
            return out.toString();
        } catch (UnsafeValueException | IllegalArgumentException e) {
            throw new TemplateException("Cannot render " + origin + ": " + e.getMessage(), e);
        } catch (MustacheException | UncheckedIOException e) {
            Throwable cause = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnsafeValueException || t instanceof IllegalArgumentException) {
                    cause = t;
                    break;
                }
            }
            throw new TemplateException("Cannot render " + origin + ": " + cause.getMessage(), e);
        }
    }
}
