package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.Sha256;
import io.github.dind.devcontainer.VerificationException;
import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.devcontainer.LaunchSettings;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.FeatureRegistry;
import io.github.dind.devcontainer.devcontainer.features.Features;
import io.github.dind.devcontainer.run.ClientLaunch;
import io.github.dind.devcontainer.run.ContainerEngine;
import io.github.dind.devcontainer.run.ImageNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What verify starts, read as a client reads it: the image's configuration, devcontainer.json
 * (merged with the image's label where it names an image), the Java the plugin recorded in it, and
 * the mounts of the project-build check.
 */
final class LaunchConfiguration {
    /** Labels of the lasting local repository volume: what it is, and ({@link VerifyService#PROJECT_LABEL}) which project it serves. */
    public static final String CACHE_LABEL = "io.github.dind.devcontainer.cache";

    private final Console console;

    LaunchConfiguration(Console console) {
        this.console = console;
    }

    /**
     * What a client acts on. A devcontainer.json that names an image (no build) is merged with the
     * image's {@link ImageMetadata#LABEL} label, as the devcontainer CLI does. One that builds is merged
     * with the entries of the Features it installs, which the plugin's build recorded in the label
     * (the entries with an {@code id}; the CLI computes the same entries when it builds, from the
     * Features' devcontainer-feature.json), and with nothing else of the label: a client builds its own
     * image from the file. Without a devcontainer.json, the label stands in for {@code {"image": ...}},
     * else the plugin's own devcontainer.json.
     */
    LaunchSettings settings(Path configFile, ImageConfig image) throws VerificationException {
        String label = image.labels().get(ImageMetadata.LABEL);
        try {
            if (configFile == null || !Files.isRegularFile(configFile)) {
                if (label != null) {
                    console.info("No " + configFile + ": starting the container as a client given only the image does,"
                            + " from its " + ImageMetadata.LABEL + " label");
                    return LaunchSettings.merged(ImageMetadata.entries(label), "{}", "the image's label");
                }
                console.info("No " + configFile + ": starting the container as the plugin's own devcontainer.json would");
                return PluginDefaults.launchSettings();
            }
            String text = Files.readString(configFile);
            if (label != null && ImageMetadata.isImageBased(text, configFile.toString())) {
                console.info(configFile + " names an image: merged with the image's " + ImageMetadata.LABEL + " label");
                return LaunchSettings.merged(ImageMetadata.entries(label), text, configFile.toString());
            }
            List<com.fasterxml.jackson.databind.node.ObjectNode> features = label == null ? List.of()
                    : ImageMetadata.entries(label).stream().filter(entry -> entry.hasNonNull("id")).toList();
            if (!features.isEmpty()) {
                console.debug(configFile + " builds the image: merged with the " + features.size() + " Feature entries of its "
                        + ImageMetadata.LABEL + " label, as a client merges the Features it installs");
            } else {
                features = localFeatures(text, configFile);
            }
            return LaunchSettings.merged(features, text, configFile.toString());
        } catch (IOException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    /**
     * The entries of devcontainer.json's local Features, read from their folders, for an image whose
     * label records none (built with {@code metadataLabel=false}, or by another tool).
     *
     * @throws VerificationException when a Feature cannot be read
     */
    private List<com.fasterxml.jackson.databind.node.ObjectNode> localFeatures(String text, Path configFile)
            throws IOException, VerificationException {
        com.fasterxml.jackson.databind.node.ObjectNode config = ImageMetadata.configObject(text, configFile.toString());
        if (config.path("features").isEmpty()) {
            return List.of();
        }
        try {
            List<com.fasterxml.jackson.databind.node.ObjectNode> entries = Features.plan(config, configFile.getParent(),
                    configFile.getParent(), FeatureRegistry.NONE).stream().map(Features.Installed::metadataEntry).toList();
            console.debug(configFile + " builds the image: merged with its " + entries.size() + " Features' entries,"
                    + " read from their folders (the image's label records none)");
            return entries;
        } catch (FeatureException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    JavaExpectations javaExpectations(Path configFile) throws VerificationException {
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return JavaExpectations.none();
        }
        try {
            return JavaExpectations.read(configFile);
        } catch (IOException e) {
            throw new VerificationException(e.getMessage(), e);
        }
    }

    /**
     * project-build's mounts: the project at its workspace folder, and a lasting local repository
     * volume; none when project-build does not run (a volume create and a mount saved).
     */
    List<ClientLaunch.VerifyMount> verifyMounts(VerifyService.ProjectBuild build, JavaExpectations java) {
        if (build == null) {
            return List.of();
        }
        List<ClientLaunch.VerifyMount> mounts = new ArrayList<>();
        String project = build.projectDirectory().toString();
        mounts.add(new ClientLaunch.VerifyMount(true, project, build.workspace(), Map.of()));
        if (build.offline()) {
            console.info("Maven's local repository for offline-build: what a client's first start has (devcontainer.json's"
                    + " volume, fresh, filled from the image), not verify's kept volume");
            return mounts;
        }
        java.localRepository().ifPresent(target -> {
            String volume = localRepositoryVolume(project);
            console.info("Maven's local repository for project-build: volume " + volume + ", kept between runs"
                    + " (remove it with: docker volume rm " + volume + ")");
            mounts.add(new ClientLaunch.VerifyMount(false, volume, target, Map.of(CACHE_LABEL, "m2", VerifyService.PROJECT_LABEL, project)));
        });
        return mounts;
    }

    /** {@code devcontainer-m2-verify-} and 12 hex digits of the SHA-256 of the project's path: one per project. */
    static String localRepositoryVolume(String projectDirectory) {
        return "devcontainer-m2-verify-" + Sha256.hex(projectDirectory).substring(0, 12);
    }

    static ImageConfig imageConfig(String image, ContainerEngine engine) throws DevcontainerException {
        try {
            return engine.inspectImage(image);
        } catch (ImageNotFoundException e) {
            VerificationException missing = new VerificationException("The image " + image + " is not on the Docker"
                    + " daemon. Build it first (mvn devcontainer:build, or bind the build goal before verify), or name"
                    + " an existing image with " + Setting.assign("image", "NAME:TAG") + ".", e);
            missing.withHost(engine.host());
            throw missing;
        }
    }
}
