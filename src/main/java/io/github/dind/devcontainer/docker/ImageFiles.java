package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Files read out of an image without running it: a container is created from the image (never
 * started: neither the image's entrypoint nor its shell runs), each path is copied out through the
 * Engine API ({@code GET /containers/{id}/archive}, a tar), and the container is removed with its
 * anonymous volumes, also when a copy fails.
 */
public final class ImageFiles {
    /** The most one file may hold (a dpkg status of several thousand packages is a few MB). */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The entrypoint of the created container: it is never started, so it need not exist. */
    static final String NEVER_RUN = "/devcontainer-sbom-never-started";

    private final DockerConnection connection;
    private final Console console;

    public ImageFiles(DockerConnection connection, Console console) {
        this.connection = connection;
        this.console = console;
    }

    /**
     * The regular files at {@code paths} in {@code image}: a file under its own path, a folder's files
     * under the folder's path ({@code /var/lib/dpkg/status.d/libc6}). A path the image does not have
     * is left out; a symbolic link is left out (its target is not followed), so ask for the target too.
     *
     * @param labels the created container's labels (the project's, so that what is left can be found)
     * @throws DockerCallException when the container cannot be created or a copy fails otherwise
     */
    public Map<String, byte[]> read(String image, List<String> paths, Map<String, String> labels) throws DockerCallException {
        DockerClient docker = connection.client();
        String id;
        try {
            id = docker.createContainerCmd(image)
                    .withEntrypoint(NEVER_RUN)
                    .withCmd(List.of())
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    .exec().getId();
        } catch (RuntimeException e) {
            throw new DockerCallException("create a container of " + image + " (never started) to read its package"
                    + " database", connection.where(), e);
        }
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String path : paths) {
                copy(docker, id, path, files);
            }
            return files;
        } finally {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // removed already
            } catch (RuntimeException e) {
                console.warn("Could not remove the container " + id.substring(0, Math.min(12, id.length()))
                        + " that read the package database of " + image + ": " + Errors.rootMessage(e)
                        + ". Remove it with docker rm -v " + id);
            }
        }
    }

    private void copy(DockerClient docker, String id, String path, Map<String, byte[]> files) throws DockerCallException {
        String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
        try (InputStream archive = docker.copyArchiveFromContainerCmd(id, path).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                if (entry.getSize() > MAX_FILE_BYTES) {
                    throw new IOException(entry.getName() + " holds " + entry.getSize() + " bytes, more than the "
                            + MAX_FILE_BYTES + " read");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
                tar.transferTo(bytes);
                files.put(parent + "/" + entry.getName().replaceFirst("/+$", ""), bytes.toByteArray());
            }
        } catch (NotFoundException absent) {
            console.debug("The image has no " + path);
        } catch (IOException e) {
            throw new DockerCallException("copy " + path + " out of the container " + id, connection.where(),
                    new IllegalStateException(Errors.rootMessage(e), e));
        } catch (RuntimeException e) {
            throw new DockerCallException("copy " + path + " out of the container " + id, connection.where(), e);
        }
    }
}
