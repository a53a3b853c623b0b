package io.github.dind.devcontainer.verify.verdict;

import io.github.dind.devcontainer.VerificationException;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.WholeFile;
import io.github.dind.devcontainer.run.ContainerEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When verify may skip its checks: a passing verdict is stored under its {@link VerdictKey}, and a
 * later verify whose key is equal reuses it (and its report) instead of booting the image again. A
 * failure (or an interrupted run) is never reused: it replaces the stored verdict with a mark of the
 * failure, so the next run checks again.
 *
 * <p>One instance serves one verify run: {@link #reused} remembers which entry of the store the run
 * saw, and {@link #passed} stores the run's pass only if no other run wrote one since (see
 * {@link VerdictStore}).
 */
public final class VerdictReuse {
    private final VerdictStore store;
    private final String subject;
    private final boolean always;
    private final String plugin;
    private String seen;

    /**
     * @param store where the verdicts are
     * @param subject whose verdict: the project's folder and the image reference (one verdict each)
     * @param always run the checks even when the key is unchanged (a passing run is stored all the same)
     * @param plugin {@link PluginIdentity#describe(String)}
     */
    public VerdictReuse(VerdictStore store, String subject, boolean always, String plugin) {
        this.store = store;
        this.subject = subject;
        this.always = always;
        this.plugin = plugin;
    }

    /**
     * Why a verdict cannot stand for this request at all, or empty when it can: boots repeated to
     * measure, a container kept to debug, and a project-build check among those that run (its outcome
     * depends on the project's sources, which the key does not hold) all need the checks to run.
     */
    static Optional<String> notApplicable(int repeat, boolean keep, boolean projectBuildRuns) {
        if (repeat > 1) {
            return Optional.of(Setting.ref("repeat") + " asks for " + repeat + " boots");
        }
        if (keep) {
            return Optional.of(Setting.ref("keep") + " asks for a container to be left running");
        }
        if (projectBuildRuns) {
            return Optional.of("project-build checks the project's sources, which a verdict does not cover");
        }
        return Optional.empty();
    }

    /**
     * The key of this run's verdict, or null when no verdict may stand for it (then the log says why).
     * Costs a {@code docker info} and a {@code docker network inspect}.
     *
     * @param repeat how many boots the run asks for
     * @param keep whether the run leaves its container running
     * @param projectBuildRuns whether the project-build check is among the checks that run
     * @param imageId the image's id; null when the daemon gave none
     * @param launch the effective launch settings and the client's {@code docker run}, as text
     * @param checks the checks and their settings, as text
     * @param network the network the devcontainer joins; null for the default bridge
     * @throws DevcontainerException when the daemon does not answer {@code docker info}
     */
    public VerdictKey key(int repeat, boolean keep, boolean projectBuildRuns, String imageId, String launch, String checks,
            ContainerEngine engine, String network, Console console) throws DevcontainerException {
        Optional<String> reason = notApplicable(repeat, keep, projectBuildRuns);
        if (reason.isPresent() || imageId == null) {
            console.info("Running the checks; no stored verdict can stand for this run: "
                    + reason.orElse("the daemon gave no image id"));
            return null;
        }
        return VerdictKey.of(plugin, imageId, launch, checks, engine.describeEngine(network));
    }

    /**
     * Reuses the stored verdict when its key equals {@code key} and {@link #always} is off: its report
     * goes to {@code reportFile} and the log says so. Otherwise the log says why the checks run.
     * Either way, remembers the store's entry as this run saw it, for {@link #passed}.
     *
     * @return whether the stored verdict was reused
     * @throws VerificationException when the stored report cannot be copied to {@code reportFile}
     */
    public boolean reused(VerdictKey key, String image, Path reportFile, Console console) throws VerificationException {
        Optional<VerdictStore.Stored> stored = find(key, console);
        if (stored.isEmpty()) {
            return false;
        }
        try {
            restoreReport(stored.get(), reportFile);
        } catch (IOException e) {
            throw new VerificationException("Cannot copy the stored verification report " + stored.get().report() + " to "
                    + reportFile + ": " + e.getMessage() + ". Run the checks with " + Setting.assign("always", "true")
                    + ", or remove " + store.directory() + ".", e);
        }
        String id = stored.get().key().parts().get(VerdictKey.IMAGE);
        console.info("Reusing the passing verdict of " + stored.get().passed().truncatedTo(ChronoUnit.SECONDS) + " for "
                + image + " (image " + (id.length() > 19 ? id.substring(0, 19) : id) + "): the image, its launch settings,"
                + " the checks, the engine and the plugin are unchanged since. Report: " + reportFile
                + ". To run the checks anyway: " + Setting.assign("always", "true"));
        return true;
    }

    private Optional<VerdictStore.Stored> find(VerdictKey key, Console console) {
        VerdictStore.Entry entry = store.read(subject);
        seen = entry.generation();
        if (!store.writable()) {
            console.warn("Running the checks: the verdict store " + store.directory() + " cannot be written, so a"
                    + " failure could not be recorded there and no stored verdict may stand in for the checks."
                    + " Make it writable, or remove it.");
            return Optional.empty();
        }
        Optional<VerdictStore.Stored> stored = entry.verdict();
        if (stored.isEmpty()) {
            console.debug("No passing verdict stored in " + store.directory() + " for " + subject);
            return Optional.empty();
        }
        List<String> changed = key.changedSince(stored.get().key());
        String since = "since the passing verdict of " + stored.get().passed().truncatedTo(ChronoUnit.SECONDS);
        if (!changed.isEmpty()) {
            console.info("Running the checks: the " + String.join(", the ", changed) + " changed " + since);
            return Optional.empty();
        }
        if (always) {
            console.info("Running the checks: " + Setting.ref("always") + " is set (nothing changed " + since + ")");
            return Optional.empty();
        }
        return stored;
    }

    /** Puts the stored report where this run's report goes, whole. */
    private static void restoreReport(VerdictStore.Stored stored, Path reportFile) throws IOException {
        WholeFile.write(reportFile, stored.report());
    }

    /**
     * Stores this run's passing verdict with its report, unless another run of the same subject
     * recorded its outcome since {@link #reused} read the store (then that outcome stays, and the log
     * says so). A store that cannot be written costs the next run its shortcut, nothing else.
     *
     * @param report the run's JUnit report, as this run wrote it (not read back from disk, where
     *     another run may have replaced it)
     */
    public void passed(VerdictKey key, String image, String report, Console console) {
        try {
            if (store.save(subject, seen, image, key, Instant.now(), report)) {
                console.debug("Stored the passing verdict for " + subject + " in " + store.directory());
            } else {
                console.info("Not storing this run's passing verdict: another verify of " + image + " in this project"
                        + " recorded its outcome while this one ran, and that one stays");
            }
        } catch (IOException e) {
            console.warn("Could not store the passing verdict in " + store.directory() + " (" + e.getMessage()
                    + "): the next verify runs every check again");
        }
    }

    /** Forgets the subject's verdict: after a failure, only a passing run may be reused. */
    public void failed(Console console) {
        if (!store.forget(subject)) {
            console.warn("Could not remove the stored passing verdict for " + subject + " from " + store.directory()
                    + ": remove that folder, or no later verify will reuse a verdict while it cannot be written");
        }
    }
}
