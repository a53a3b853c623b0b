package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import org.junit.jupiter.api.Test;

/** A pinned base whose digest the registry no longer has: build names the image, the digest and the fix. */
class StalePinTest {
    private static final String GONE = "sha256:" + "9".repeat(64);

    @Test
    void theMessageNamesTheImageTheDigestAndHowToUpdateThePin() {
        String daemon = "manifest for 127.0.0.1:25017/base/debian@" + GONE + " not found: manifest unknown: manifest unknown";

        assertThat(BaseImagePuller.manifestUnknown(daemon)).isTrue();
        assertThat(BaseImagePuller.manifestUnknown("connection refused")).isFalse();
        assertThat(BaseImagePuller.stalePin(ImageReference.parse("127.0.0.1:25017/base/debian:trixie@" + GONE), "127.0.0.1:25017",
                daemon, null).getMessage()).isEqualTo("The base image 127.0.0.1:25017/base/debian:trixie@" + GONE + " is pinned"
                + " to the digest " + GONE + ", which the registry 127.0.0.1:25017 no longer has (" + daemon + "): the image was"
                + " deleted, or pruned from the tag's history. Update the pin to what 127.0.0.1:25017/base/debian:trixie names"
                + " now: mvn devcontainer:generate -Ddevcontainer.generate.updatePins=true for the Dockerfile generate"
                + " maintains; in a Dockerfile of your own, write the digest docker buildx imagetools inspect"
                + " 127.0.0.1:25017/base/debian:trixie shows into its FROM (or merge the update bot's pull request).");
    }
}
