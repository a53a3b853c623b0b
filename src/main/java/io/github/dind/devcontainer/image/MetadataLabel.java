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
 * The {@link ImageMetadata#LABEL} value for the image built from a devcontainer folder, from the
 * devcontainer.json that describes how to start it: {@code devcontainer.json} when it builds
 * (a {@code build} section), else {@code build/devcontainer.json} (what {@code generate} writes next
 * to an image-based devcontainer.json when it is given a prebuilt image).
 */
public final class MetadataLabel {
    /** Where {@code generate} puts the build-based configuration when devcontainer.json names a prebuilt image. */
    public static final String BUILD_CONFIG = PrebuiltImageFiles.BUILD_CONFIG;

    private MetadataLabel() {
    }

    /**
     * @return empty, with a note on the console, when the folder has no devcontainer.json that builds
     * @throws BuildContextException when a devcontainer.json cannot be read or is not JSON with comments
     */
    public static Optional<String> of(Path directory, Console console) throws BuildContextException {
        Path main = directory.resolve("devcontainer.json");
        Path nested = directory.resolve(BUILD_CONFIG);
        try {
            Path source = null;
            if (Files.isRegularFile(main) && !ImageMetadata.isImageBased(Files.readString(main), main.toString())) {
                source = main;
            } else if (Files.isRegularFile(nested)) {
                source = nested;
            }
            if (source == null) {
                console.info("No devcontainer.json that builds in " + directory + ": the image gets no "
                        + ImageMetadata.LABEL + " label");
                return Optional.empty();
            }
            console.debug("The " + ImageMetadata.LABEL + " label comes from " + source);
            return Optional.of(ImageMetadata.label(Files.readString(source), source.toString()));
        } catch (IOException e) {
            throw new BuildContextException(Errors.rootMessage(e) + ". The image records it as its "
                    + ImageMetadata.LABEL + " label: fix the file, or set " + Setting.assign("metadataLabel", "false") + ".", e);
        }
    }
}
