package io.github.dind.devcontainer.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.image.offline.OfflineRepository;
import io.github.dind.devcontainer.image.offline.OfflineRepositoryException;
import io.github.dind.devcontainer.image.offline.ProjectArchive;
import io.github.dind.devcontainer.image.offline.RepositoryPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Makes an offline repository's payload: builds the project once in a container of the image (the
 * Dockerfile's, before the Features), with an empty local repository and the network, and keeps
 * what Maven downloaded. The container runs a bounded sleep, not the entrypoint (no dockerd: the
 * warm-up runs no tests, see {@link #MAVEN_OPTS}), holds a copy of the project (never the
 * project's folder itself: nothing is written into it), runs the command as the remote user in a
 * login shell, and is removed afterwards, also on failure or when Maven is stopped (and by the daemon
 * once its sleep ends, should Maven be killed outright).
 *
 * <p>Its length is the container's life through docker-java (create, copy in, prepare, build, copy
 * out, remove) and the messages that say what failed and what to do; the tar and key work is in
 * {@code image/offline}.
 */
final class RepositoryWarmUp {
    /** The warm-up container's role label (verify's containers carry {@code verify}). */
    static final String ROLE_LABEL = "io.github.dind.devcontainer.role";
    static final String ROLE = "offline-repository";
    /** The project label verify also sets (VerifyService.PROJECT_LABEL). */
    static final String PROJECT_LABEL = "io.github.dind.devcontainer.project";
    static final String REPOSITORY = "/tmp/devcontainer-offline/" + OfflineRepository.TOP;
    /**
     * Maven's options for the warm-up (JVM system properties, which Maven reads as properties; a
     * {@code -D} of the command itself wins): the empty local repository; tests that are found,
     * whose provider (JUnit Platform's, TestNG's) surefire and failsafe resolve, and of which none
     * runs: {@code groups} selects a tag no test has ({@code -Dtest=NAME} would not do: surefire
     * returns before it resolves a provider when no class matches, AbstractSurefireMojo
     * {@code execute}); a test that fails anyway does not stop the build
     * ({@code maven.test.failure.ignore}); the plugin's own goals skip ({@code devcontainer.skip}).
     */
    static final String MAVEN_OPTS = "-Dmaven.repo.local=" + REPOSITORY
            + " -Dgroups=devcontainer-warm-up -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true -Ddevcontainer.skip=true";
    private static final int TAIL_LINES = 30;

    private final DockerClient docker;
    private final Console console;

    RepositoryWarmUp(DockerClient docker, Console console) {
        this.docker = docker;
        this.console = console;
    }

    /**
     * Builds the project in {@code imageId} and writes the payload and its key beside the Feature's files.
     *
     * @param user the remote user the command runs as (devcontainer.json's remoteUser, else the image's USER)
     * @param settingsXml the host's {@code settings.xml} to use inside (devcontainer.json mounts it); null for none
     * @param timeout how long the project's build may take, downloads included
     * @throws OfflineRepositoryException when the build fails (with the tail of its output) or takes too long
     * @throws IOException when the project cannot be read or the payload written
     */
    void fill(String imageId, String user, OfflineRepository offline, Path settingsXml, Duration timeout)
            throws OfflineRepositoryException, IOException {
        long start = System.nanoTime();
        String folderName = offline.projectRoot().getFileName().toString();
        String workspace = "/workspaces/" + folderName;
        console.info("Offline repository: building the project once in the image, as " + user + ", with an empty local"
                + " repository (" + offline.command() + "; tests are not run) — the project's build files changed since "
                + offline.payload().getFileName() + " was made, or it is missing");
        String name = "devcontainer-offline-repository-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        // it ends by itself some minutes after the build's time is up, and the daemon then removes it
        // (AutoRemove): a Maven killed outright (kill -9) leaves nothing for long
        long lifetime = timeout.toSeconds() + 600;
        String id = docker.createContainerCmd(imageId).withName(name).withEntrypoint("/bin/sh", "-c", "sleep " + lifetime)
                .withUser("root").withLabels(Map.of(ROLE_LABEL, ROLE, PROJECT_LABEL, offline.projectRoot().toString()))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withAutoRemove(true))
                .exec().getId();
        Thread remover = new Thread(() -> remove(id), "devcontainer-offline-repository-cleanup");
        Runtime.getRuntime().addShutdownHook(remover);
        try {
            docker.startContainerCmd(id).exec();
            String quotedUser = shellQuote(user);
            run(id, "root", List.of("mkdir", "-p", "/workspaces", REPOSITORY), Duration.ofSeconds(30));
            Path tar = Files.createTempFile("devcontainer-project-", ".tar");
            try {
                int files;
                try (OutputStream out = Files.newOutputStream(tar)) {
                    // the Features' payloads: this one, and the preload Feature's saved images beside it
                    files = ProjectArchive.write(offline.projectRoot(),
                            Set.of(offline.folder(), offline.folder().resolveSibling("preload").resolve("images")), out);
                }
                try (InputStream in = Files.newInputStream(tar)) {
                    docker.copyArchiveToContainerCmd(id).withRemotePath("/workspaces").withTarInputStream(in).exec();
                }
                console.debug("Offline repository: copied " + files + " files of the project to " + workspace);
            } finally {
                Files.deleteIfExists(tar);
            }
            if (settingsXml != null && Files.isRegularFile(settingsXml)) {
                copySettings(id, settingsXml);
            }
            run(id, "root", List.of("/bin/sh", "-c", "chown -R " + quotedUser + " /workspaces /tmp/devcontainer-offline"
                    + " && home=$( (command -v getent >/dev/null && getent passwd " + quotedUser + " || grep \"^\"" + quotedUser
                    + "\":\" /etc/passwd) | cut -d: -f6) && mkdir -p \"$home/.m2\""
                    + " && if [ -f /tmp/devcontainer-offline/settings.xml ]; then"
                    + " cp /tmp/devcontainer-offline/settings.xml \"$home/.m2/settings.xml\"; fi"
                    + " && chown -R " + quotedUser + " \"$home/.m2\""), Duration.ofSeconds(60));
            Result build = exec(id, user, List.of("/bin/sh", "-lc", "cd " + shellQuote(workspace) + " && " + offline.command()),
                    List.of("MAVEN_OPTS=" + MAVEN_OPTS), timeout);
            if (build.exitCode() != 0) {
                List<String> lines = build.output().strip().lines().toList();
                throw new OfflineRepositoryException("The offline repository's build of the project failed (exit code "
                        + build.exitCode() + " of `" + offline.command() + "` as " + user + " in the image): its last lines:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()))
                        + "\nFix the build, or set offlineRepositoryCommand (-Ddevcontainer.build.offlineRepositoryCommand)"
                        + " to a command that builds the project; without the offline-repository Feature in"
                        + " devcontainer.json no such build runs.");
            }
            writePayload(id, offline, start);
        } catch (RuntimeException e) {
            throw new OfflineRepositoryException("The offline repository's build could not run in a container of " + imageId
                    + ": " + Errors.rootMessage(e), e);
        } finally {
            remove(id);
            try {
                Runtime.getRuntime().removeShutdownHook(remover);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, or ran, anyway
            }
        }
    }

    private void writePayload(String id, OfflineRepository offline, long start) throws IOException {
        Path payload = offline.payload();
        Path partial = payload.resolveSibling(payload.getFileName() + ".partial");
        RepositoryPayload.Summary summary;
        try (InputStream in = docker.copyArchiveFromContainerCmd(id, REPOSITORY).exec();
                OutputStream out = Files.newOutputStream(partial)) {
            summary = RepositoryPayload.write(in, offline.key(), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, payload, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(offline.keyFile(), offline.key() + "\n", StandardCharsets.UTF_8);
        console.info(String.format(Locale.ROOT, "Offline repository: %d files, %.1f MB, in %.1f s -> %s",
                summary.files(), summary.bytes() / 1e6, (System.nanoTime() - start) / 1e9, payload));
    }

    private void copySettings(String id, Path settingsXml) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out =
                new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
            byte[] content = Files.readAllBytes(settingsXml);
            org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
                    new org.apache.commons.compress.archivers.tar.TarArchiveEntry("settings.xml");
            entry.setSize(content.length);
            entry.setMode(0600);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        docker.copyArchiveToContainerCmd(id).withRemotePath("/tmp/devcontainer-offline")
                .withTarInputStream(new java.io.ByteArrayInputStream(tar.toByteArray())).exec();
        console.debug("Offline repository: the build uses " + settingsXml + " (devcontainer.json mounts it)");
    }

    private void run(String id, String user, List<String> command, Duration timeout) throws OfflineRepositoryException {
        Result result = exec(id, user, command, List.of(), timeout);
        if (result.exitCode() != 0) {
            throw new OfflineRepositoryException("The offline repository's build could not prepare its container: `"
                    + String.join(" ", command) + "` as " + user + " exited with " + result.exitCode() + ": "
                    + result.output().strip());
        }
    }

    private record Result(long exitCode, String output) {
    }

    private Result exec(String id, String user, List<String> command, List<String> env, Duration timeout)
            throws OfflineRepositoryException {
        String execId = docker.execCreateCmd(id).withCmd(command.toArray(String[]::new)).withUser(user)
                .withEnv(env).withAttachStdout(true).withAttachStderr(true).exec().getId();
        Output output = new Output(console);
        try (Output running = docker.execStartCmd(execId).exec(output)) {
            if (!running.awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new OfflineRepositoryException("The offline repository's build of the project took longer than "
                        + timeout.toSeconds() + " s (the build's timeout): stopped. Raise -Ddevcontainer.build.timeout.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OfflineRepositoryException("Interrupted while the offline repository's build ran", e);
        } catch (IOException e) {
            throw new OfflineRepositoryException("Lost the offline repository's build output: " + Errors.rootMessage(e), e);
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new Result(exit == null ? -1 : exit, output.text());
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            if (!Errors.rootMessage(e).contains("No such container")) {
                console.warn("Could not remove the offline repository's build container " + id + ": "
                        + Errors.rootMessage(e) + "; remove it with: docker rm -f " + id);
            }
        }
    }

    /** The text in single quotes for sh. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The exec's output, each line to the debug log as it comes, and kept for the error message. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final Console console;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder line = new StringBuilder();

        Output(Console console) {
            this.console = console;
        }

        @Override
        public synchronized void onNext(Frame frame) {
            String chunk = new String(frame.getPayload(), StandardCharsets.UTF_8);
            text.append(chunk);
            for (char c : chunk.toCharArray()) {
                if (c == '\n') {
                    console.debug("[offline repository] " + line);
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
