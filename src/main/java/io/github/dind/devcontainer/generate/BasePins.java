package io.github.dind.devcontainer.generate;

import io.github.dind.devcontainer.devcontainer.ImageReference;

/**
 * Where the generate goal learns which digest a base image's tag names now: the registry (with the
 * plugin's logins), or the local engine's {@code RepoDigests} when the registry cannot be reached.
 * The Maven front end wires the real one; tests answer with a map.
 */
@FunctionalInterface
public interface BasePins {
    /** Pins nothing: every tag stays as written. */
    BasePins NONE = tagged -> {
        throw new Unavailable("no registry is asked");
    };

    /**
     * @param tagged {@code name:tag}, without a digest
     * @return the digest of what the tag names now (for a multi-platform image, of its index)
     * @throws Unavailable saying why none could be had (unreachable, refused, unknown, offline)
     */
    Pin resolve(ImageReference tagged) throws Unavailable;

    /**
     * @param digest {@code sha256:<64 hex>} of the manifest (list or OCI index) the tag names
     * @param source where it came from, for the log, e.g. {@code the registry 127.0.0.1:5000}
     */
    record Pin(String digest, String source) {
    }

    /** No digest could be had; the message says why, for a sentence that names the image. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
