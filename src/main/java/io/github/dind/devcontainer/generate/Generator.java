package io.github.dind.devcontainer.generate;

import io.github.dind.devcontainer.generate.request.JavaSetup;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.generate.files.CaCertificateFiles;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import io.github.dind.devcontainer.generate.files.PrebuiltImageFiles;
import io.github.dind.devcontainer.generate.files.ProjectFiles;
import io.github.dind.devcontainer.generate.files.ProjectFilesException;
import io.github.dind.devcontainer.generate.render.GeneratedFile;
import io.github.dind.devcontainer.generate.render.Renderer;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The generate goal without Maven: renders the devcontainer's files for a validated request, with
 * the user's templates where given and for a prebuilt image where asked, writes them into the
 * devcontainer's folder without clobbering the user's edits, keeps the CA certificates in step, and
 * reports each file on the console.
 */
public final class Generator {
    /**
     * Where and how to write.
     *
     * @param directory the devcontainer's folder
     * @param templateDirectory the user's own templates; null for the bundled ones
     * @param prebuiltImage an image devcontainer.json opens instead of building; null or blank for none
     * @param force replace edited or foreign files, keeping a backup
     * @param pinBaseImage write the base image as {@code name:tag@sha256:...} ({@link BasePinning})
     * @param updatePins resolve the base image's tag again and write the new pin, logging old and new
     * @param pins where digests come from
     */
    public record Options(Path directory, Path templateDirectory, String prebuiltImage, boolean force,
            boolean pinBaseImage, boolean updatePins, BasePins pins) {
        /** Options that pin nothing. */
        public Options(Path directory, Path templateDirectory, String prebuiltImage, boolean force) {
            this(directory, templateDirectory, prebuiltImage, force, false, false, BasePins.NONE);
        }
    }

    private final Console console;

    public Generator(Console console) {
        this.console = console;
    }

    /**
     * @return what happened to each file
     * @throws InvalidSettingException when {@code prebuiltImage} is not an image reference
     * @throws io.github.dind.devcontainer.generate.render.TemplateException when a template cannot be read or rendered
     * @throws ProjectFilesException when a file or the CA certificates cannot be written
     * @throws BasePinException with {@code updatePins}, when the base image's tag cannot be resolved
     */
    public List<ProjectFiles.Outcome> generate(GenerateRequest request, Options options) throws DevcontainerException {
        request = request.withBaseImage(new BasePinning(options.pins(), console).choose(request.baseImage(),
                existingDockerfile(options.directory()), options.pinBaseImage(), options.updatePins(), options.force()));
        Renderer renderer = new Renderer(options.templateDirectory());
        renderer.overriddenTemplates().forEach(t -> console.info("Using your template " + t + " from "
                + options.templateDirectory()));
        List<GeneratedFile> files = renderer.render(request);
        if (options.prebuiltImage() != null && !options.prebuiltImage().isBlank()) {
            String image = options.prebuiltImage().strip();
            if (!ImageReference.isValid(image)) {
                throw new InvalidSettingException("prebuiltImage", image, "must be " + ImageReference.RULE);
            }
            files = PrebuiltImageFiles.apply(files, image, request.name());
            console.info("devcontainer.json opens the prebuilt image " + image + "; " + PrebuiltImageFiles.BUILD_CONFIG
                    + " builds it locally");
        }
        console.info("Devcontainer " + request.distro().id() + " (" + request.baseImage() + ") in " + options.directory());
        if (!request.distro().jetbrainsBackend()) {
            console.warn(jetbrainsUnsupported(request));
        }
        JavaSetup java = request.java();
        console.info("Java: " + java.jdk().reason() + (java.maven() ? "; Maven from " + request.distro().id()
                : java.jdk().jdk().isPresent() ? "; no Maven (maven=none)" : "; no Maven either (it comes with a JDK)"));
        if (java.toolchains().size() > 1) {
            console.info("Toolchains: JDK " + java.toolchains().stream().map(j -> Integer.toString(j.version()))
                    .collect(Collectors.joining(", ")) + " in ~/.m2/toolchains.xml");
        }
        List<ProjectFiles.Outcome> outcomes = new ProjectFiles(options.directory()).write(files, options.force());
        report(outcomes, options.directory());
        warnWithoutDind(outcomes, files);
        warnAboutOrphanedFeatures(options.directory(), files);
        try {
            new CaCertificateFiles(options.directory()).sync(request.caCertificates())
                    .forEach(change -> console.info("  " + change));
        } catch (IOException e) {
            throw new ProjectFilesException("Cannot write the CA certificates into " + options.directory() + " ("
                    + Setting.ref("directory") + "): " + e, e);
        }
        return outcomes;
    }

    /** What the marker of the Dockerfile in the folder says; empty when there is none. */
    private static java.util.Optional<GeneratedFileMarker.Reading> existingDockerfile(Path directory)
            throws ProjectFilesException {
        Path dockerfile = directory.resolve("Dockerfile");
        if (!java.nio.file.Files.isRegularFile(dockerfile)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(GeneratedFileMarker.read(java.nio.file.Files.readString(dockerfile)));
        } catch (IOException e) {
            throw new ProjectFilesException("Cannot read " + dockerfile + ": " + e, e);
        }
    }

    /**
     * A payload Feature generate wrote before and no longer writes (its parameter was turned off):
     * devcontainer.json no longer names it and build no longer fills it, but its folder, payload
     * included, stays until the user removes it — generate never deletes a folder.
     */
    private void warnAboutOrphanedFeatures(Path directory, List<GeneratedFile> files) {
        for (String[] feature : new String[][] {{"preload", "preloadImages"}, {"offline-repository", "offlineRepository"}}) {
            boolean written = files.stream().anyMatch(f -> f.fileName().equals(feature[0] + "/devcontainer-feature.json"));
            if (!written && java.nio.file.Files.isRegularFile(directory.resolve(feature[0]).resolve("devcontainer-feature.json"))) {
                console.warn(directory.resolve(feature[0]) + " is a Feature generate wrote for " + Setting.ref(feature[1])
                        + ", which is off now: devcontainer.json no longer names it and build no longer fills it."
                        + " Remove the folder (its payload is not in git), or turn " + Setting.ref(feature[1]) + " on again.");
            }
        }
    }

    /**
     * A devcontainer.json of the user's own (kept) that does not name the dind Feature generate wrote:
     * clients then neither run the container privileged nor wait for dockerd unless that file does
     * both itself (as devcontainer.json did before the Feature), so say where the wait now lives.
     */
    private void warnWithoutDind(List<ProjectFiles.Outcome> outcomes, List<GeneratedFile> files) throws DevcontainerException {
        boolean dindWritten = files.stream().anyMatch(f -> f.fileName().equals("dind/devcontainer-feature.json"));
        boolean preloadWritten = files.stream().anyMatch(f -> f.fileName().equals("preload/devcontainer-feature.json"));
        boolean offlineWritten = files.stream().anyMatch(f -> f.fileName().equals("offline-repository/devcontainer-feature.json"));
        for (ProjectFiles.Outcome outcome : outcomes) {
            if ((preloadWritten || offlineWritten) && outcome.action().kept()
                    && outcome.path().getFileName().toString().equals(".dockerignore")) {
                String ignored;
                try {
                    ignored = java.nio.file.Files.readString(outcome.path());
                } catch (IOException e) {
                    throw new ProjectFilesException("Cannot read " + outcome.path() + ": " + e, e);
                }
                if (preloadWritten && !ignored.contains("preload/images")) {
                    console.warn("Your " + outcome.path() + " does not leave out preload/images/: the images to preload"
                            + " (" + Setting.ref("preloadImages") + ") would go into the Dockerfile's build context"
                            + " as well as into the preload Feature. Add the line preload/images/ to it.");
                }
                if (offlineWritten && !ignored.contains("offline-repository")) {
                    console.warn("Your " + outcome.path() + " does not leave out offline-repository/: the offline"
                            + " repository (" + Setting.ref("offlineRepository") + ") would go into the Dockerfile's build"
                            + " context as well as into its Feature. Add the line offline-repository/ to it.");
                }
            }
            if (!dindWritten || !outcome.action().kept() || !outcome.path().getFileName().toString().equals("devcontainer.json")) {
                continue;
            }
            String text;
            try {
                text = java.nio.file.Files.readString(outcome.path());
            } catch (IOException e) {
                throw new ProjectFilesException("Cannot read " + outcome.path() + ": " + e, e);
            }
            warnAboutStaleExpectations(outcome.path(), text, files);
            if (!text.contains("dind\"")) {
                console.warn("Your " + outcome.path() + " does not name the dind Feature in " + outcome.path().resolveSibling("dind")
                        + ", which holds the Docker-in-Docker settings (privileged, the /var/lib/docker volume) and"
                        + " the wait for dockerd before every lifecycle command: add \"features\": {\"./dind\": {}}"
                        + " to it (README, \"Your own lifecycle commands\"), or keep those settings in it yourself.");
            }
            if (preloadWritten && !text.contains("preload\"")) {
                console.warn("Your " + outcome.path() + " does not name the preload Feature in "
                        + outcome.path().resolveSibling("preload") + ", which loads the images of "
                        + Setting.ref("preloadImages") + " into the inner daemon: add \"./preload\": {} to its"
                        + " \"features\" and \"./preload\" after \"./dind\" to its \"overrideFeatureInstallOrder\""
                        + " (README, \"Testcontainers\"), or the devcontainer pulls those images as usual.");
            }
        }
    }

    /**
     * A kept devcontainer.json whose {@code customizations.devcontainer-maven-plugin} block (what
     * verify expects inside: javaVersion, toolchains, maven, localRepository) differs from what
     * generate would write now, e.g. after the pom's Java release changed: verify checks against the
     * file, so say which values differ and that they are edited by hand there.
     */
    private void warnAboutStaleExpectations(java.nio.file.Path path, String kept, List<GeneratedFile> files) {
        String block = "devcontainer-maven-plugin";
        try {
            com.fasterxml.jackson.databind.JsonNode theirs = io.github.dind.devcontainer.devcontainer.ImageMetadata
                    .configObject(kept, path.toString()).path("customizations").path(block);
            com.fasterxml.jackson.databind.JsonNode ours = null;
            for (GeneratedFile file : files) {
                if (file.fileName().equals("devcontainer.json")) {
                    ours = io.github.dind.devcontainer.devcontainer.ImageMetadata.configObject(file.body(), "generated")
                            .path("customizations").path(block);
                }
            }
            if (ours == null || ours.isMissingNode() || theirs.isMissingNode() || ours.equals(theirs)) {
                return;
            }
            List<String> differences = new java.util.ArrayList<>();
            java.util.Set<String> names = new java.util.TreeSet<>();
            ours.fieldNames().forEachRemaining(names::add);
            theirs.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!ours.path(name).equals(theirs.path(name))) {
                    differences.add(name + ": yours " + (theirs.has(name) ? theirs.get(name) : "(none)") + ", generate's "
                            + (ours.has(name) ? ours.get(name) : "(none)"));
                }
            }
            console.warn("Your " + path + " has customizations." + block + " (what verify expects inside) that differ from"
                    + " what generate writes for this project now — " + String.join("; ", differences) + ". verify checks"
                    + " against your file: update those values in it by hand (the rest of your edits stay).");
        } catch (IOException e) {
            console.debug("Cannot compare " + path + " with the generated devcontainer.json: " + e.getMessage());
        }
    }

    /**
     * Why JetBrains IDEs cannot open a devcontainer on this distribution (Alpine): their IDE backend runs
     * on "any glibc-based Docker image (that is, not on Alpine)" (JetBrains, remote development
     * prerequisites, https://www.jetbrains.com/help/go/prerequisites.html).
     */
    static String jetbrainsUnsupported(GenerateRequest request) {
        String distro = request.distro().id();
        return "JetBrains IDEs (IntelliJ IDEA and the others) cannot open this devcontainer: their IDE backend"
                + " runs on glibc-based images only, and " + distro + " uses musl. VS Code and the devcontainer"
                + " CLI can. For a JetBrains IDE choose " + Setting.assign("distro", "debian") + ", ubuntu or wolfi"
                + (request.editor().jetbrainsPlugins().isEmpty() ? ""
                        : "; until then " + Setting.ref("jetbrainsPlugins") + " is not written into devcontainer.json")
                + ".";
    }

    /** One line per file, named by its path in the devcontainer folder ({@code dind/install.sh}). */
    private void report(List<ProjectFiles.Outcome> outcomes, java.nio.file.Path directory) {
        java.util.function.Function<ProjectFiles.Outcome, String> name = outcome -> directory.toAbsolutePath().normalize()
                .relativize(outcome.path().toAbsolutePath().normalize()).toString().replace('\\', '/');
        int width = outcomes.stream().mapToInt(o -> name.apply(o).length()).max().orElse(0);
        String format = "  %-" + Math.max(width, 17) + "s %s";
        for (ProjectFiles.Outcome outcome : outcomes) {
            String file = name.apply(outcome);
            if (outcome.action().kept()) {
                console.warn("Kept " + outcome.path() + " (" + outcome.action().description() + "). Run with "
                        + Setting.assign("force", "true") + " to replace it; a backup is kept.");
            } else if (outcome.backup() != null) {
                console.warn(String.format(Locale.ROOT, format + ", your version is in %s", file,
                        outcome.action().description(), outcome.backup().getFileName()));
            } else {
                console.info(String.format(Locale.ROOT, format, file, outcome.action().description()));
            }
        }
    }
}
