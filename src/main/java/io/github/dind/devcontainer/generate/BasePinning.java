package io.github.dind.devcontainer.generate;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker.Ownership;
import java.util.Optional;

/**
 * Decides the image the generated Dockerfile's {@code FROM} names: the {@code baseImage} asked for,
 * pinned by digest ({@code name:tag@sha256:...}) unless told not to.
 * <ul>
 * <li>A {@code baseImage} that names a digest itself is written as given.</li>
 * <li>A pin already in the plugin's Dockerfile is kept while it names the repository and tag asked
 *     for, or while the tag asked for is still the one generate wrote and an update bot moved the
 *     pin since (its tag, its digest, or both: {@link Ownership#PLUGIN_FROM_BUMPED}). Pins change only on
 *     purpose: a tag is not asked again while its pin stands.</li>
 * <li>Otherwise, and always with {@code updatePins}, the tag is resolved ({@link BasePins}); the
 *     update logs {@code old → new}, or {@code unchanged}.</li>
 * <li>A tag that cannot be resolved stays unpinned, with one warning naming the image and why; with
 *     {@code updatePins} that fails the goal instead, the old pin kept.</li>
 * </ul>
 * A Dockerfile the plugin will not write (edited by hand, or not the plugin's, without {@code force})
 * is not pinned, and nothing is asked.
 */
public final class BasePinning {
    private final BasePins pins;
    private final Console console;

    public BasePinning(BasePins pins, Console console) {
        this.pins = pins;
        this.console = console;
    }

    /**
     * @param asked the {@code baseImage} (or the distro's default)
     * @param existing what the marker says about the Dockerfile there now; empty when there is none
     * @param pin {@code pinBaseImage}
     * @param update {@code updatePins}
     * @param force {@code force}: an edited Dockerfile is replaced, so it is pinned anew
     * @return the image to write after {@code FROM}
     * @throws BasePinException with {@code updatePins}, when the tag cannot be resolved
     */
    public ImageReference choose(ImageReference asked, Optional<GeneratedFileMarker.Reading> existing, boolean pin,
            boolean update, boolean force) throws BasePinException {
        Optional<Ownership> ownership = existing.map(GeneratedFileMarker.Reading::ownership);
        if (!force && ownership.filter(o -> o == Ownership.EDITED || o == Ownership.FOREIGN).isPresent()) {
            if (update) {
                console.warn("The Dockerfile is yours (" + (ownership.get() == Ownership.EDITED ? "edited since it was"
                        + " generated" : "not written by this plugin") + "), so " + Setting.ref("updatePins") + " leaves"
                        + " its FROM as it is: update the digest there by hand, or run with " + Setting.assign("force", "true")
                        + " to have generate write it again (with a backup)");
            }
            return asked;
        }
        if (asked.digest().isPresent()) {
            if (update) {
                console.info("Base image " + asked + ": " + Setting.ref("baseImage") + " names a digest itself, which"
                        + " generate writes as given; " + Setting.ref("updatePins") + " leaves it");
            }
            return asked;
        }
        if (!pin) {
            if (update) {
                console.warn(Setting.ref("updatePins") + " has nothing to do: " + Setting.assign("pinBaseImage", "false")
                        + " writes the base image's tag unpinned");
            }
            return asked;
        }
        Optional<ImageReference> kept = keptPin(asked, existing);
        if (kept.isPresent() && !update) {
            Optional<String> recorded = existing.flatMap(GeneratedFileMarker.Reading::recordedFrom);
            if (ownership.get() == Ownership.PLUGIN_FROM_BUMPED) {
                console.info("Dockerfile: keeping FROM " + kept.get() + ", which replaced " + recorded.orElse("?")
                        + " since generate wrote it (an update bot's pin); the rest of the file is maintained as usual");
            } else {
                console.debug("Base image " + kept.get().tagged() + ": keeping the pin " + kept.get().digest().orElseThrow());
            }
            return kept.get();
        }
        ImageReference floating = kept.map(ImageReference::floating).orElse(asked.floating());
        BasePins.Pin found;
        try {
            found = pins.resolve(floating);
        } catch (BasePins.Unavailable e) {
            if (update) {
                throw new BasePinException("Cannot update the pin of the base image " + floating + ": " + e.getMessage()
                        + ". The Dockerfile is left as it is" + kept.map(k -> " (FROM " + k + ")").orElse("")
                        + "; run again when the registry can be reached (without -o)", e);
            }
            console.warn("Cannot pin the base image " + floating + " to a digest: " + e.getMessage() + ". The Dockerfile's"
                    + " FROM names the tag, unpinned; a later generate that reaches the registry pins it ("
                    + Setting.assign("pinBaseImage", "false") + " turns pinning off).");
            return asked;
        }
        ImageReference pinned = floating.pinned(found.digest());
        if (update) {
            String old = kept.flatMap(ImageReference::digest).orElse(null);
            console.info(found.digest().equals(old)
                    ? "Base image " + floating + ": " + found.digest() + ", unchanged (" + found.source() + ")"
                    : "Base image " + floating + ": " + (old == null ? "not pinned" : old) + " \u2192 " + found.digest()
                            + " (" + found.source() + ")");
        } else {
            console.info("Base image " + floating + " pinned to " + found.digest() + " (" + found.source() + ")");
        }
        return pinned;
    }

    /**
     * The pin in the plugin's Dockerfile that stands for {@code asked}: a digest, the same repository,
     * and the tag asked for, or (an update bot's change) the tag generate wrote is still the one asked for.
     */
    static Optional<ImageReference> keptPin(ImageReference asked, Optional<GeneratedFileMarker.Reading> existing) {
        if (existing.isEmpty() || !(existing.get().ownership() == Ownership.PLUGIN_UNCHANGED
                || existing.get().ownership() == Ownership.PLUGIN_FROM_BUMPED)) {
            return Optional.empty();
        }
        Optional<ImageReference> current = existing.get().currentFrom().filter(ImageReference::isValid).map(ImageReference::parse)
                .filter(c -> c.digest().isPresent() && c.repository().equals(asked.repository()));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String tag = asked.tag();
        if (tag.equals(current.get().tag())) {
            return current;
        }
        boolean botMovedIt = existing.get().ownership() == Ownership.PLUGIN_FROM_BUMPED && existing.get().recordedFrom()
                .filter(ImageReference::isValid).map(ImageReference::parse)
                .filter(r -> r.repository().equals(asked.repository()) && tag.equals(r.tag())).isPresent();
        return botMovedIt ? current : Optional.empty();
    }
}
