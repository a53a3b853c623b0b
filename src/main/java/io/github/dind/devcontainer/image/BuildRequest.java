package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.Printable;
import io.github.dind.devcontainer.devcontainer.DevcontainerJsonException;
import io.github.dind.devcontainer.devcontainer.ImageMetadata;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.Features;
import io.github.dind.devcontainer.image.context.BuildContextException;
import io.github.dind.devcontainer.image.features.FeaturePlan;
import io.github.dind.devcontainer.image.features.FeaturePlanner;
import io.github.dind.devcontainer.image.registry.CredentialLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a build needs.
 *
 * @param contextDirectory the directory sent to the daemon
 * @param dockerfile the Dockerfile, inside the context or not (then it is sent as the docker CLI
 *     sends it: see {@link io.github.dind.devcontainer.image.context.ContextArchive})
 * @param labels labels for the image (they count towards the fingerprint)
 * @param created when set, recorded as {@code org.opencontainers.image.created}; left out of the
 *     fingerprint, so asking for it does not defeat the no-op rebuild
 * @param always build even when an image with the same fingerprint exists
 * @param cacheFrom images whose layers the build may reuse (docker build --cache-from), pulled
 *     first when missing and the pull policy allows; typically the last pushed tag
 * @param target the Dockerfile stage to build ({@code docker build --target}); null for the last
 * @param network the network mode of the build's RUN steps ({@code --network}); null for the daemon's default
 * @param extraHosts {@code NAME:IP} lines for the RUN steps' {@code /etc/hosts} ({@code --add-host})
 * @param features the Features a second build installs on top of the Dockerfile's image ({@link FeaturePlan#NONE}: none)
 * @param allowedSecrets build argument names (and credential format ids) the user accepts in the image although they
 *     look like credentials ({@code allowedSecrets}; see {@link BuildArgSecrets})
 */
public record BuildRequest(
        Path contextDirectory,
        Path dockerfile,
        ImageName image,
        Map<String, String> buildArgs,
        Map<String, String> labels,
        Instant created,
        PullPolicy pull,
        boolean noCache,
        boolean always,
        Duration timeout,
        List<String> cacheFrom,
        String target,
        String network,
        List<String> extraHosts,
        FeaturePlan features,
        Set<String> allowedSecrets) {

    public BuildRequest {
        Map<String, String> args = new LinkedHashMap<>();
        buildArgs.forEach((name, value) -> args.put(name, value == null ? "" : value)); // <NAME/> in a pom: empty
        buildArgs = Collections.unmodifiableMap(args);
        labels = Map.copyOf(labels);
        cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        allowedSecrets = allowedSecrets == null ? Set.of() : Set.copyOf(allowedSecrets);
    }

    /** A request that allows no credential-shaped build argument. */
    public BuildRequest(Path contextDirectory, Path dockerfile, ImageName image, Map<String, String> buildArgs,
            Map<String, String> labels, Instant created, PullPolicy pull, boolean noCache, boolean always, Duration timeout,
            List<String> cacheFrom, String target, String network, List<String> extraHosts, FeaturePlan features) {
        this(contextDirectory, dockerfile, image, buildArgs, labels, created, pull, noCache, always, timeout, cacheFrom,
                target, network, extraHosts, features, Set.of());
    }

    /** A request for the last stage of a Dockerfile, with no cache images and the daemon's network. */
    public BuildRequest(Path contextDirectory, Path dockerfile, ImageName image, Map<String, String> buildArgs,
            Map<String, String> labels, Instant created, PullPolicy pull, boolean noCache, boolean always, Duration timeout) {
        this(contextDirectory, dockerfile, image, buildArgs, labels, created, pull, noCache, always, timeout, List.of(),
                null, null, List.of(), FeaturePlan.NONE, Set.of());
    }

    /**
     * The build goal's settings as given, before they are checked.
     *
     * @param contextDirectory the devcontainer folder ({@code directory}): where devcontainer.json is
     *     looked for, and the build context when there is none
     * @param workspaceFolder the folder a client opens (the top-level project's), for {@code ${localWorkspaceFolder}}
     * @param environment the environment, for {@code ${localEnv:NAME}}
     * @param dockerfile the pom's {@code dockerfile}, relative to {@code contextDirectory}; null when not set
     * @param labels the project's labels (OCI annotations)
     * @param metadataLabel add the devcontainer.json the build comes from as the {@code devcontainer.metadata} label
     * @param createdLabel record the build time
     * @param pull the pull policy's id ({@code missing}, {@code always}, {@code never})
     * @param offline Maven runs offline: nothing is pulled, whatever {@code pull} says
     * @param timeoutSeconds how long the whole build may take, in seconds
     * @param cacheFrom image references, blanks ignored
     * @param allowedSecrets {@code allowedSecrets}: build argument names (and credential format ids) that may
     *     look like credentials; null or blank entries ignored
     * @param localRepository Maven's local repository, which holds the cache of Features fetched from registries
     * @param lockFeatures write devcontainer-lock.json beside devcontainer.json, as the devcontainer CLI writes it
     * @param requirePinnedBase refuse a Dockerfile whose {@code FROM} names a registry image without a digest
     */
    public record Settings(Path contextDirectory, Path workspaceFolder, Map<String, String> environment,
            String dockerfile, ImageName image, Map<String, String> buildArgs, Map<String, String> labels,
            boolean metadataLabel, boolean createdLabel, String pull, boolean offline, boolean noCache, boolean always,
            int timeoutSeconds, List<String> cacheFrom, List<String> allowedSecrets, Path localRepository,
            boolean lockFeatures, boolean requirePinnedBase) {
        /** Settings that let a base image float (no {@code requirePinnedBase}). */
        public Settings(Path contextDirectory, Path workspaceFolder, Map<String, String> environment,
                String dockerfile, ImageName image, Map<String, String> buildArgs, Map<String, String> labels,
                boolean metadataLabel, boolean createdLabel, String pull, boolean offline, boolean noCache, boolean always,
                int timeoutSeconds, List<String> cacheFrom, List<String> allowedSecrets, Path localRepository,
                boolean lockFeatures) {
            this(contextDirectory, workspaceFolder, environment, dockerfile, image, buildArgs, labels, metadataLabel,
                    createdLabel, pull, offline, noCache, always, timeoutSeconds, cacheFrom, allowedSecrets, localRepository,
                    lockFeatures, false);
        }

        /** Settings that allow no credential-shaped build argument, with Maven's default local repository. */
        public Settings(Path contextDirectory, Path workspaceFolder, Map<String, String> environment,
                String dockerfile, ImageName image, Map<String, String> buildArgs, Map<String, String> labels,
                boolean metadataLabel, boolean createdLabel, String pull, boolean offline, boolean noCache, boolean always,
                int timeoutSeconds, List<String> cacheFrom) {
            this(contextDirectory, workspaceFolder, environment, dockerfile, image, buildArgs, labels, metadataLabel,
                    createdLabel, pull, offline, noCache, always, timeoutSeconds, cacheFrom, List.of());
        }

        /** Settings with Maven's default local repository ({@code ~/.m2/repository}) that write no lockfile. */
        public Settings(Path contextDirectory, Path workspaceFolder, Map<String, String> environment,
                String dockerfile, ImageName image, Map<String, String> buildArgs, Map<String, String> labels,
                boolean metadataLabel, boolean createdLabel, String pull, boolean offline, boolean noCache, boolean always,
                int timeoutSeconds, List<String> cacheFrom, List<String> allowedSecrets) {
            this(contextDirectory, workspaceFolder, environment, dockerfile, image, buildArgs, labels, metadataLabel,
                    createdLabel, pull, offline, noCache, always, timeoutSeconds, cacheFrom, allowedSecrets,
                    Path.of(System.getProperty("user.home"), ".m2", "repository"), false);
        }

        Set<String> allowed() {
            return allowedSecrets == null ? Set.of() : allowedSecrets.stream().filter(java.util.Objects::nonNull)
                    .map(String::strip).filter(a -> !a.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** {@link #of(Settings, Console, CredentialLookup)} without registry logins: Features are fetched anonymously. */
    public static Optional<BuildRequest> of(Settings settings, Console console) throws DevcontainerException {
        return of(settings, console, CredentialLookup.none());
    }

    /**
     * Checks the settings, reads devcontainer.json's build section ({@link BuildInputs}: where each part
     * comes from) and makes the request: the pull policy ({@code mvn -o} means never, and the console
     * says so), the labels with the devcontainer's metadata, the cacheFrom references; the Features,
     * fetched from their registries with {@code credentials} ({@link FeaturePlanner}).
     *
     * @return empty when there is nothing to build (devcontainer.json opens a named image); the console says so
     * @throws InvalidSettingException naming {@code timeout}, {@code pull} or {@code cacheFrom}
     * @throws io.github.dind.devcontainer.devcontainer.DevcontainerJsonException naming the
     *     devcontainer.json property the plugin cannot read or honour
     * @throws io.github.dind.devcontainer.image.context.BuildContextException when a devcontainer.json
     *     cannot be read, or its Dockerfile or context is missing
     * @throws CredentialInBuildException when a build arg looks like a credential and the allow-list does not
     *     name it (see {@link BuildArgSecrets})
     * @throws FloatingBaseException with {@code requirePinnedBase}, when a {@code FROM} names a registry image
     *     without a digest
     */
    public static Optional<BuildRequest> of(Settings settings, Console console, CredentialLookup credentials)
            throws DevcontainerException {
        if (settings.timeoutSeconds() < 1) {
            throw new InvalidSettingException("timeout", settings.timeoutSeconds(), "must be at least 1 (seconds)");
        }
        PullPolicy configured = PullPolicy.fromId(settings.pull());
        Optional<BuildInputs> found = BuildInputs.of(settings, console);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BuildInputs inputs = found.get();
        if (settings.requirePinnedBase()) {
            String text;
            try {
                text = Files.readString(inputs.dockerfile());
            } catch (IOException e) {
                throw new BuildContextException("Cannot read the Dockerfile " + inputs.dockerfile() + ": "
                        + Errors.rootMessage(e), e);
            }
            PinnedBases.require(inputs.dockerfile(), text, inputs.buildArgs(), inputs.target());
        }
        BuildArgSecrets.refuse(inputs.buildArgs().entrySet().stream()
                .map(arg -> new BuildArgSecrets.Arg(arg.getKey(), arg.getValue(), inputs.argSources().get(arg.getKey()),
                        false))
                .toList(), declaredArgs(inputs.dockerfile()), settings.allowed());
        PullPolicy asked = inputs.pullAlways() && configured == PullPolicy.MISSING ? PullPolicy.ALWAYS : configured;
        PullPolicy pull = PullPolicy.effective(asked, settings.offline());
        if (pull != asked) {
            console.info("Maven runs offline: base images are not pulled (pull=never)");
        }
        Map<String, String> labels = new LinkedHashMap<>(settings.labels());
        labels.putAll(inputs.labels());
        FeaturePlan features = features(inputs.configFile(), settings, console, credentials);
        if (!features.isEmpty()) {
            try {
                labels.put(FeaturePlan.LABEL, features.digest());
            } catch (IOException e) {
                throw new BuildContextException("Cannot read the Features' files: " + Errors.rootMessage(e), e);
            }
        }
        if (settings.metadataLabel()) {
            MetadataLabel.of(inputs.configFile(), settings.contextDirectory(), console, features.features())
                    .ifPresent(value -> labels.put(ImageMetadata.LABEL, value));
        }
        List<String> cache = inputs.cacheFrom().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (String image : cache) {
            if (!ImageReference.isValid(image)) {
                if (settings.cacheFrom() != null && settings.cacheFrom().stream().anyMatch(c -> c.strip().equals(image))) {
                    throw new InvalidSettingException("cacheFrom", image, "must be " + ImageReference.RULE);
                }
                throw new DevcontainerJsonException(inputs.configFile(), "build.cacheFrom", Printable.quote(image)
                        + " (or a --cache-from of build.options) must be " + ImageReference.RULE + ".");
            }
        }
        return Optional.of(new BuildRequest(inputs.context(), inputs.dockerfile(), settings.image(), inputs.buildArgs(),
                labels, settings.createdLabel() ? Instant.now() : null, pull, settings.noCache() || inputs.noCache(),
                settings.always(), Duration.ofSeconds(settings.timeoutSeconds()), cache, inputs.target(),
                inputs.network(), inputs.extraHosts(), features, settings.allowed()));
    }

    /**
     * This request with the Features' digest of their files as they are now (after a payload was written).
     *
     * @throws IOException when a Feature's files cannot be read
     */
    public BuildRequest withCurrentFeaturesDigest() throws IOException {
        return features.isEmpty() ? this : withLabel(FeaturePlan.LABEL, features.digest());
    }

    /** This request with one label set (replaced when present). */
    public BuildRequest withLabel(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(labels);
        changed.put(name, value);
        return new BuildRequest(contextDirectory, dockerfile, image, buildArgs, changed, created, pull, noCache, always,
                timeout, cacheFrom, target, network, extraHosts, features, allowedSecrets);
    }

    /** The Dockerfile's {@code ARG} names; none when it cannot be read (the build then fails naming it). */
    private static Set<String> declaredArgs(Path dockerfile) {
        try {
            return BaseImages.declaredArgs(Files.readString(dockerfile));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * The Features the devcontainer.json the build comes from installs, with its users.
     *
     * @throws DevcontainerJsonException naming {@code features} when one cannot be installed
     */
    private static FeaturePlan features(Path configFile, Settings settings, Console console, CredentialLookup credentials)
            throws DevcontainerException {
        if (configFile == null) {
            return FeaturePlan.NONE;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode config = ImageMetadata.configObject(
                    Files.readString(configFile), configFile.toString());
            FeaturePlanner planner = new FeaturePlanner(settings.localRepository(), settings.offline(),
                    settings.lockFeatures(), settings.environment(), credentials);
            List<Features.Installed> planned = planner.plan(config, configFile,
                    settings.contextDirectory().toAbsolutePath().normalize(), console);
            return planned.isEmpty() ? FeaturePlan.NONE : new FeaturePlan(planned,
                    text(config, "containerUser"), text(config, "remoteUser"));
        } catch (FeatureException e) {
            throw new DevcontainerJsonException(configFile, "features", e.getMessage());
        } catch (IOException e) {
            throw new BuildContextException("Cannot read " + configFile + ": " + Errors.rootMessage(e), e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode config, String field) {
        String value = config.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
