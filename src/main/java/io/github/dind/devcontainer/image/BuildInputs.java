package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Printable;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.devcontainer.BuildConfig;
import io.github.dind.devcontainer.devcontainer.ConfigVariables;
import io.github.dind.devcontainer.devcontainer.DevcontainerJsonException;
import io.github.dind.devcontainer.image.context.BuildContextException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the build goal builds: devcontainer.json's build section, with the pom's parameters as
 * defaults and overrides. The one place that decides where each part of the build comes from.
 *
 * <p>Which devcontainer.json: {@code devcontainer.json} in the devcontainer folder ({@code directory})
 * when it builds; when it opens a named image, {@code build/devcontainer.json} beside it (the
 * build-based configuration {@code generate} writes for a prebuilt image), and without one there is
 * nothing to build. Without any devcontainer.json the pom's {@code dockerfile} (default
 * {@code Dockerfile}) is built with {@code directory} as its context, as before devcontainer.json was
 * read.
 *
 * <p>Precedence, where both say something (the README's "What build and verify read from
 * devcontainer.json"): devcontainer.json is the source, because it is what every client builds; a
 * pom setting given explicitly is the user's last word, and wins with a warning where it changes what
 * clients build. The Dockerfile: the pom's {@code dockerfile}, when set, else devcontainer.json's.
 * Build args: devcontainer.json's {@code build.args}, then its {@code --build-arg} options (later wins,
 * as in {@code docker build}), then the pom's {@code buildArgs}, key by key. Cache images: the pom's
 * {@code cacheFrom}, then devcontainer.json's (the CLI's {@code --cache-from} flag comes before the
 * file's too). {@code noCache}: either. Target, network, extra hosts, labels: devcontainer.json only.
 *
 * @param context the build context
 * @param dockerfile the Dockerfile, absolute
 * @param buildArgs the merged build args
 * @param target the stage to build; null for the last
 * @param cacheFrom the merged cache images, unchecked
 * @param labels labels devcontainer.json's options add
 * @param network the build's network mode; null for the daemon's default
 * @param extraHosts {@code NAME:IP} entries for the build's {@code /etc/hosts}
 * @param noCache build without the layer cache
 * @param pullAlways devcontainer.json asks for {@code --pull}
 * @param configFile the devcontainer.json the build comes from, the source of the metadata label; null without one
 * @param argSources where each build arg's value comes from, for messages: {@code build.args of FILE},
 *     {@code --build-arg in build.options of FILE}, or the pom's {@code buildArgs} (a {@link Setting} mark)
 */
record BuildInputs(Path context, Path dockerfile, Map<String, String> buildArgs, String target, List<String> cacheFrom,
        Map<String, String> labels, String network, List<String> extraHosts, boolean noCache, boolean pullAlways,
        Path configFile, Map<String, String> argSources) {

    static final String CONFIG = "devcontainer.json";
    /** The source of a build arg from the pom. */
    static final String POM_ARGS = Setting.ref("buildArgs");

    /**
     * @return empty, with a line on the console, when devcontainer.json opens a named image and nothing else builds
     * @throws DevcontainerJsonException when devcontainer.json cannot be read, is a Docker Compose
     *     configuration, or asks for something the plugin cannot build
     * @throws BuildContextException when a devcontainer.json cannot be read, or its Dockerfile or
     *     context is not there
     */
    static Optional<BuildInputs> of(BuildRequest.Settings settings, Console console) throws DevcontainerException {
        Path directory = settings.contextDirectory().toAbsolutePath().normalize();
        Path main = directory.resolve(CONFIG);
        Path nested = directory.resolve(MetadataLabel.BUILD_CONFIG);
        String pomDockerfile = settings.dockerfile() == null || settings.dockerfile().isBlank() ? null
                : settings.dockerfile().strip();
        Path source = null;
        if (Files.isRegularFile(main)) {
            source = main;
            if (BuildConfig.kind(read(main), main) == BuildConfig.Kind.IMAGE) {
                source = Files.isRegularFile(nested) ? nested : null;
                if (source == null && pomDockerfile == null) {
                    console.info("Nothing to build: " + main + " opens a named image (\"image\", no build section), and"
                            + " there is no " + nested + ". Clients pull that image; to build one, give devcontainer.json"
                            + " a build section (generate's prebuiltImage writes both files).");
                    return Optional.empty();
                }
                if (source == null) {
                    console.info(main + " opens a named image; building " + pomDockerfile + " as "
                            + Setting.ref("dockerfile") + " says.");
                }
            }
        } else if (Files.isRegularFile(nested)) {
            source = nested;
        }
        if (source == null) {
            return Optional.of(fromPom(settings, directory, pomDockerfile, console));
        }
        String text = read(source);
        if (source.equals(nested) && BuildConfig.kind(text, source) != BuildConfig.Kind.DOCKERFILE) {
            throw new DevcontainerJsonException(source, "build.dockerfile", "missing: the plugin takes the build from"
                    + " this file when devcontainer.json beside its folder opens a named image. Give it a build section.");
        }
        ConfigVariables variables = new ConfigVariables(settings.environment(), settings.workspaceFolder());
        BuildConfig config = BuildConfig.parse(text, source, variables).orElseThrow(() -> new IllegalStateException(
                "a devcontainer.json with a Dockerfile has a build"));
        return Optional.of(fromConfig(settings, config, directory, pomDockerfile, console));
    }

    private static BuildInputs fromPom(BuildRequest.Settings settings, Path directory, String pomDockerfile,
            Console console) {
        Path dockerfile = directory.resolve(pomDockerfile == null ? "Dockerfile" : pomDockerfile.replace('\\', '/'))
                .normalize();
        console.debug("No devcontainer.json that builds in " + directory + ": building " + dockerfile + " with "
                + directory + " as the context");
        Map<String, String> args = settings.buildArgs() == null ? Map.of() : settings.buildArgs();
        Map<String, String> sources = new LinkedHashMap<>();
        args.keySet().forEach(name -> sources.put(name, POM_ARGS));
        return new BuildInputs(directory, dockerfile, args, null,
                settings.cacheFrom() == null ? List.of() : settings.cacheFrom(), Map.of(), null, List.of(), false,
                false, null, sources);
    }

    private static BuildInputs fromConfig(BuildRequest.Settings settings, BuildConfig config, Path directory,
            String pomDockerfile, Console console) throws DevcontainerException {
        Path file = config.configFile();
        BuildOptions options = BuildOptions.parse(config.options(), settings.environment(), file);

        Path dockerfile = config.dockerfile();
        if (pomDockerfile != null) {
            Path fromPom = directory.resolve(pomDockerfile.replace('\\', '/')).normalize();
            if (!fromPom.equals(dockerfile)) {
                console.warn(Setting.ref("dockerfile") + " " + fromPom + " overrides " + dockerfile + ", the Dockerfile"
                        + " of " + file + ": the plugin builds the pom's, devcontainer clients build devcontainer.json's."
                        + " Remove " + Setting.ref("dockerfile") + " to build what they build.");
            }
            dockerfile = fromPom;
        } else if (!Files.isRegularFile(dockerfile)) {
            throw new BuildContextException("There is no Dockerfile at " + dockerfile + ", which build.dockerfile of "
                    + file + " names (relative to that file's folder). Fix build.dockerfile, or run"
                    + " devcontainer:generate.");
        }
        Path context = config.context();
        if (!Files.isDirectory(context)) {
            throw new BuildContextException("The build context " + context + " that " + file + " names (build.context,"
                    + " relative to that file's folder; else the Dockerfile's folder) is not a directory.");
        }

        Map<String, String> args = new LinkedHashMap<>(config.args());
        Map<String, String> sources = new LinkedHashMap<>();
        config.args().keySet().forEach(name -> sources.put(name, "build.args of " + file));
        args.putAll(options.args());
        options.args().keySet().forEach(name -> sources.put(name, "--build-arg in build.options of " + file));
        Map<String, String> pomArgs = settings.buildArgs() == null ? Map.of() : settings.buildArgs();
        List<String> overridden = new ArrayList<>();
        pomArgs.forEach((name, given) -> {
            String value = given == null ? "" : given;
            sources.put(name, POM_ARGS);
            String fromJson = args.put(name, value);
            if (fromJson != null && !fromJson.equals(value)) {
                overridden.add(name);
            }
        });
        if (!overridden.isEmpty()) {
            console.warn(Setting.ref("buildArgs") + " overrides " + String.join(", ", overridden) + " of " + file
                    + ": the plugin builds with the pom's values, devcontainer clients with devcontainer.json's.");
        }

        LinkedHashSet<String> cacheFrom = new LinkedHashSet<>();
        if (settings.cacheFrom() != null) {
            cacheFrom.addAll(settings.cacheFrom());
        }
        cacheFrom.addAll(config.cacheFrom());
        cacheFrom.addAll(options.cacheFrom());
        String target = options.target() != null ? options.target() : config.target();

        console.info("Building from " + file + ": " + dockerfile + ", context " + context
                + (target == null ? "" : ", target " + Printable.quote(target))
                + (args.isEmpty() ? "" : ", build args " + String.join(", ", args.keySet())));
        return new BuildInputs(context, dockerfile, args, target, List.copyOf(cacheFrom), options.labels(),
                options.network(), options.extraHosts(), options.noCache(), options.pull(), file, sources);
    }

    private static String read(Path file) throws BuildContextException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new BuildContextException("Cannot read " + file + ": " + Errors.rootMessage(e), e);
        }
    }
}
