package io.github.dind.devcontainer.image.features;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.FeatureLockfile;
import io.github.dind.devcontainer.devcontainer.features.FeatureRegistry;
import io.github.dind.devcontainer.devcontainer.features.FeatureSource;
import io.github.dind.devcontainer.devcontainer.features.Features;
import io.github.dind.devcontainer.image.features.oci.FeatureCache;
import io.github.dind.devcontainer.image.features.oci.RegistryClient;
import io.github.dind.devcontainer.image.features.oci.RegistryFeatures;
import io.github.dind.devcontainer.image.features.oci.RegistryLogins;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Features a devcontainer.json installs, fetched where they come from, and its
 * devcontainer-lock.json: read (a Feature it lists resolves to its pinned digest), and written the
 * CLI's way only when asked ({@code lockFeatures}): a user's file is never rewritten otherwise. The
 * devcontainer CLI writes it on every {@code up} and {@code build} since 0.87 (lockfile.ts
 * {@code writeLockfile}, unless {@code --no-lockfile}); it rewrites it only when its content changes,
 * which is also the rule here.
 *
 * @param localRepository Maven's local repository, which holds the Feature cache ({@link FeatureCache#in})
 * @param offline Maven runs offline: Features come from the cache only
 * @param lockFeatures write devcontainer-lock.json
 * @param environment for {@code DEVCONTAINERS_OCI_AUTH} and {@code GITHUB_TOKEN} ({@link RegistryLogins})
 * @param credentials the registry logins (settings.xml servers, the docker CLI's)
 */
public record FeaturePlanner(Path localRepository, boolean offline, boolean lockFeatures, Map<String, String> environment,
        CredentialLookup credentials) {

    /**
     * @param config devcontainer.json, parsed
     * @param configFile its path (Features and the lockfile are found beside it)
     * @param devcontainerFolder the {@code .devcontainer} folder a local Feature must stay inside
     * @return the Features in install order; empty when it names none
     * @throws FeatureException when a Feature cannot be had or used, the lockfile cannot be read or
     *     written; the message names the Feature and the fix
     */
    public List<Features.Installed> plan(ObjectNode config, Path configFile, Path devcontainerFolder, Console console)
            throws FeatureException {
        Path lockPath = FeatureLockfile.pathFor(configFile);
        Optional<FeatureLockfile> lockfile = FeatureLockfile.read(lockPath);
        FeatureRegistry registry = new RegistryFeatures(
                RegistryClient.of(new RegistryLogins(credentials, environment), console),
                FeatureCache.in(localRepository), lockfile, offline, console);
        List<Features.Installed> installed = Features.plan(config, configFile.getParent(), devcontainerFolder, registry);
        List<Features.Installed> fromRegistries = installed.stream().filter(f -> f.source() instanceof FeatureSource.Oci).toList();
        if (lockFeatures) {
            write(lockPath, FeatureLockfile.of(installed), console);
        } else if (!fromRegistries.isEmpty()) {
            List<String> unlocked = fromRegistries.stream().map(Features.Installed::userFeatureId)
                    .filter(id -> lockfile.flatMap(l -> l.integrity(id)).isEmpty()).toList();
            if (!unlocked.isEmpty()) {
                console.info("Resolved by tag, not pinned by " + lockPath.getFileName() + ": " + String.join(", ", unlocked)
                        + " (-Ddevcontainer.build.lockFeatures=true pins them)");
            }
        }
        return installed;
    }

    private static void write(Path lockPath, FeatureLockfile lockfile, Console console) throws FeatureException {
        try {
            if (Files.isRegularFile(lockPath) && lockfile.sameAs(Files.readString(lockPath, StandardCharsets.UTF_8))) {
                console.info(lockPath + " is up to date");
                return;
            }
            Files.writeString(lockPath, lockfile.text(), StandardCharsets.UTF_8);
            console.info("Wrote " + lockPath + ": " + (lockfile.features().isEmpty() ? "no Feature from a registry"
                    : String.join(", ", lockfile.features().entrySet().stream()
                    .map(e -> e.getKey() + " at " + e.getValue().integrity()).toList())));
        } catch (IOException e) {
            throw new FeatureException("Cannot write " + lockPath + " (lockFeatures): " + e.getMessage(), e);
        }
    }
}
