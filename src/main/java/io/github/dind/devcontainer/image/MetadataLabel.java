package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.image.context.BuildContextException;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.generate.files.PrebuiltImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@link ImageMetadata#LABEL} value for the image built from a devcontainer.json: the one the
 * build comes from ({@link BuildInputs}), {@code devcontainer.json} when it builds, else
 * {@code build/devcontainer.json} (what {@code generate} writes next to an image-based
 * devcontainer.json when it is given a prebuilt image).
 */
public final class MetadataLabel {
    /** Where {@code generate} puts the build-based configuration when devcontainer.json names a prebuilt image. */
    public static final String BUILD_CONFIG = PrebuiltImageFiles.BUILD_CONFIG;

    private MetadataLabel() {
    }

    /**
     * @param configFile the devcontainer.json the image is built from; null when there is none
     * @param directory the devcontainer folder, for the message
     * @param features the Features the build installs, whose entries come first
     * @return empty, with a note on the console, when there is no devcontainer.json
     * @throws BuildContextException when the devcontainer.json cannot be read or is not JSON with comments
     */
    public static Optional<String> of(Path configFile, Path directory, Console console,
            java.util.List<io.github.dind.devcontainer.devcontainer.features.Features.Installed> features)
            throws BuildContextException {
        if (configFile == null) {
            console.info("No devcontainer.json that builds in " + directory + ": the image gets no "
                    + ImageMetadata.LABEL + " label");
            return Optional.empty();
        }
        try {
            console.debug("The " + ImageMetadata.LABEL + " label comes from " + configFile);
            return Optional.of(ImageMetadata.label(features.stream().map(f -> f.metadataEntry()).toList(),
                    Files.readString(configFile), configFile.toString()));
        } catch (IOException e) {
            throw new BuildContextException(Errors.rootMessage(e) + ". The image records it as its "
                    + ImageMetadata.LABEL + " label: fix the file, or set " + Setting.assign("metadataLabel", "false") + ".", e);
        }
    }
}
