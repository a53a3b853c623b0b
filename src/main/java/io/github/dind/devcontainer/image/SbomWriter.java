package io.github.dind.devcontainer.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.docker.DockerCallException;
import io.github.dind.devcontainer.docker.DockerConnection;
import io.github.dind.devcontainer.docker.EngineQueries;
import io.github.dind.devcontainer.docker.ImageFiles;
import io.github.dind.devcontainer.image.sbom.ImageSbom;
import io.github.dind.devcontainer.image.sbom.PackageInventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the CycloneDX SBOM of the image a build made ({@link ImageSbom}): its package database is
 * copied out of a created, never started container ({@link ImageFiles}), the base images' digests
 * come from the engine's RepoDigests, the JDK and Maven from devcontainer.json's
 * {@code customizations."devcontainer-maven-plugin"} block. An image whose packages cannot be listed
 * still gets its SBOM, which says so, and the log warns.
 */
public final class SbomWriter {
    /**
     * The classifier the SBOM is attached to the Maven project with (type {@code json}): not
     * cyclonedx-maven-plugin's {@code cyclonedx}, which a project's own SBOM of its Maven dependencies takes.
     */
    public static final String CLASSIFIER = "devcontainer-sbom";
    /** The role label of the container that reads the package database. */
    public static final String ROLE_LABEL = "io.github.dind.devcontainer.role";

    private final DockerConnection connection;
    private final Console console;

    public SbomWriter(DockerConnection connection, Console console) {
        this.connection = connection;
        this.console = console;
    }

    /**
     * @param build what was built
     * @param result the image the build made or found up to date
     * @param devcontainerJson the devcontainer.json the build comes from (the plugin's block in it names the
     *     JDK and Maven); absent or null when there is none
     * @param pluginVersion the plugin's version, the SBOM's tool
     * @param labels the labels of the container that reads the package database
     * @param output the file to write
     * @return {@code output}
     * @throws DockerCallException when the engine fails to create the container or copy a file out
     * @throws IOException when the SBOM cannot be written
     */
    public Path write(BuildRequest build, BuildResult result, Path devcontainerJson, String pluginVersion,
            Map<String, String> labels, Path output) throws DockerCallException, IOException {
        Map<String, String> containerLabels = new java.util.LinkedHashMap<>(labels);
        containerLabels.put(ROLE_LABEL, "sbom");
        PackageInventory inventory = PackageInventory.of(new ImageFiles(connection, console)
                .read(result.imageId(), PackageInventory.FILES, containerLabels));
        JavaExpectations java = java(devcontainerJson);
        ImageSbom.Subject subject = new ImageSbom.Subject(result.imageId(), result.image().repository(),
                result.image().tags(), baseImages(build), java.javaVersion(), java.maven(),
                build.features().features().stream().map(f -> f.userFeatureId()).toList(), pluginVersion);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, ImageSbom.json(subject, inventory), StandardCharsets.UTF_8);
        if (inventory.complete()) {
            console.info("Wrote the SBOM of " + result.image().primary() + " to " + output + ": "
                    + inventory.packages().size() + " " + inventory.manager() + " packages (CycloneDX "
                    + ImageSbom.SPEC.getVersionString() + ")");
        } else {
            console.warn("The SBOM of " + result.image().primary() + " (" + output + ") lists no OS packages: "
                    + inventory.unlisted() + ". It says so (compositions: aggregate unknown; property "
                    + ImageSbom.UNLISTED + "); a scanner must look into the image itself.");
        }
        return output;
    }

    private JavaExpectations java(Path devcontainerJson) {
        if (devcontainerJson == null || !Files.isRegularFile(devcontainerJson)) {
            return JavaExpectations.none();
        }
        try {
            return JavaExpectations.read(devcontainerJson);
        } catch (IOException e) {
            console.warn("The SBOM names no JDK or Maven: " + Errors.rootMessage(e));
            return JavaExpectations.none();
        }
    }

    /** The Dockerfile's base images with the digest their RepoDigests record (none for an image never pulled). */
    private List<ImageSbom.BaseImage> baseImages(BuildRequest build) throws IOException {
        List<ImageSbom.BaseImage> bases = new ArrayList<>();
        String dockerfile = Files.readString(build.dockerfile(), StandardCharsets.UTF_8);
        for (String reference : BaseImages.of(dockerfile, build.buildArgs(), build.target())) {
            bases.add(new ImageSbom.BaseImage(reference, repoDigest(reference)));
        }
        return bases;
    }

    /** The base image's digest ({@link #digestOf}) from what the engine records of it; null when it has nothing. */
    private String repoDigest(String reference) {
        if (ImageReference.parse(reference).digest().isPresent()) {
            return digestOf(reference, List.of());
        }
        try {
            JsonNode image = connection.queries().get("/images/" + EngineQueries.segment(reference) + "/json");
            List<String> repoDigests = new ArrayList<>();
            if (image != null) {
                image.path("RepoDigests").forEach(entry -> repoDigests.add(entry.asText()));
            }
            return digestOf(reference, repoDigests);
        } catch (RuntimeException e) {
            console.debug("No digest of " + reference + ": " + Errors.rootMessage(e));
            return null;
        }
    }

    /**
     * A base image's digest: the one its reference pins, else the {@code RepoDigests} entry
     * ({@code name@sha256:...}, as {@code GET /images/NAME/json} lists them) of its repository, else
     * the first entry; null when there is none (an image built or loaded locally, never pulled).
     */
    static String digestOf(String reference, List<String> repoDigests) {
        ImageReference parsed = ImageReference.parse(reference);
        if (parsed.digest().isPresent()) {
            return parsed.digest().get();
        }
        String any = null;
        for (String entry : repoDigests) {
            int sign = entry.lastIndexOf('@');
            if (sign < 0 || !ImageReference.isValid(entry)) {
                continue;
            }
            if (ImageReference.parse(entry).repository().equals(parsed.repository())) {
                return entry.substring(sign + 1);
            }
            any = any == null ? entry.substring(sign + 1) : any;
        }
        return any;
    }
}
