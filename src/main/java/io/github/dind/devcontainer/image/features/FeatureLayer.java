package io.github.dind.devcontainer.image.features;

import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import io.github.dind.devcontainer.devcontainer.features.FeatureOptions;
import io.github.dind.devcontainer.devcontainer.features.Features;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The build that installs Features on top of an image, as devcontainers/cli writes it for a builder
 * without BuildKit (containerFeaturesConfiguration.ts {@code getContainerFeaturesBaseDockerFile},
 * {@code getFeatureLayers}, {@code getFeatureInstallWrapperScript}; containerFeatures.ts
 * {@code getFeatureEnvVariables}): a context folder holding a Dockerfile, the built-in variables
 * ({@code _CONTAINER_USER}, {@code _REMOTE_USER}, and their homes read from the image's passwd in
 * the first Feature's RUN, one container fewer than the CLI's separate step), and
 * each Feature's folder with its options as {@code devcontainer-features.env} and the wrapper that
 * sources both and runs its {@code install.sh}. Each Feature's {@code containerEnv} is set with ENV
 * before it installs, so later Features see it; the image's USER is restored at the end.
 *
 * <p>Where the CLI writes values unquoted, here each is quoted for where it goes: options in
 * {@code devcontainer-features.env} as literal shell strings (a {@code $} stays a {@code $}), ENV
 * values with {@code "} and {@code \} escaped (a {@code ${PATH}} still expands, as Features rely on),
 * user names and variable names checked against what the shell and Dockerfile accept.
 */
public final class FeatureLayer {
    /** Where the Features' files are during the build (the CLI's {@code FEATURES_CONTAINER_TEMP_DEST_FOLDER}). */
    public static final String TEMP = "/tmp/dev-container-features";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FeatureLayer() {
    }

    /**
     * Writes the context into {@code folder} (empty or absent).
     *
     * @param baseImage the image to install onto: an id ({@code sha256:...}) or a reference
     * @param imageUser the base image's USER ({@code root} when it has none), restored at the end
     * @param containerUser the {@code _CONTAINER_USER} (containerUser, else the image's user)
     * @param remoteUser the {@code _REMOTE_USER} (remoteUser, else containerUser)
     * @throws FeatureException when a user name, a containerEnv name or value cannot be written safely
     * @throws IOException when a Feature's files cannot be copied
     */
    public static void write(Path folder, String baseImage, List<Features.Installed> features, String imageUser,
            String containerUser, String remoteUser) throws FeatureException, IOException {
        for (String user : List.of(imageUser, containerUser, remoteUser)) {
            if (!USER.matcher(user).matches()) {
                throw new FeatureException("The user \"" + user + "\" is not a name the Features' build can use"
                        + " (letters, digits, '.', '_', '-')");
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("devcontainer-features.builtin.env"),
                "_CONTAINER_USER=" + containerUser + "\n_REMOTE_USER=" + remoteUser + "\n", StandardCharsets.UTF_8);
        StringBuilder dockerfile = new StringBuilder()
                .append("# Installs the Features of devcontainer.json, as devcontainer clients do (written by the\n")
                .append("# devcontainer-maven-plugin for this build; not a file of the project)\n")
                .append("FROM ").append(baseImage).append('\n')
                .append("USER root\n")
                .append("COPY devcontainer-features.builtin.env ").append(TEMP).append("/\n");
        // the users' homes join the built-in variables in the first Feature's RUN: one container less per build
        String homes = "echo \"_CONTAINER_USER_HOME=$(" + passwd(containerUser) + " | cut -d: -f6)\" >> " + TEMP
                + "/devcontainer-features.builtin.env \\\n"
                + "    && echo \"_REMOTE_USER_HOME=$(" + passwd(remoteUser) + " | cut -d: -f6)\" >> " + TEMP
                + "/devcontainer-features.builtin.env \\\n    && ";
        for (Features.Installed feature : features) {
            Path target = folder.resolve(feature.folderName());
            copy(feature.definition().folder(), target);
            Map<String, String> options = feature.options();
            StringBuilder env = new StringBuilder();
            options.forEach((name, value) -> env.append(FeatureOptions.variableName(name)).append('=')
                    .append(doubleQuoted(value)).append('\n'));
            Files.writeString(target.resolve("devcontainer-features.env"), env.toString(), StandardCharsets.UTF_8);
            Files.writeString(target.resolve("devcontainer-features-install.sh"), wrapper(feature), StandardCharsets.UTF_8);
            dockerfile.append('\n');
            for (Map.Entry<String, String> variable : feature.containerEnv().entrySet()) {
                dockerfile.append("ENV ").append(envName(feature, variable.getKey())).append("=\"")
                        .append(envValue(feature, variable.getKey(), variable.getValue())).append("\"\n");
            }
            String dest = TEMP + "/" + feature.folderName();
            dockerfile.append("COPY --chown=root:root ").append(feature.folderName()).append(' ').append(dest).append('\n')
                    .append("RUN ").append(homes).append("chmod -R 0755 ").append(dest).append(" \\\n")
                    .append("    && cd ").append(dest).append(" \\\n")
                    .append("    && chmod +x ./devcontainer-features-install.sh \\\n")
                    .append("    && ./devcontainer-features-install.sh\n");
            homes = "";
        }
        dockerfile.append("\nUSER ").append(imageUser).append('\n');
        Files.writeString(folder.resolve("Dockerfile"), dockerfile.toString(), StandardCharsets.UTF_8);
    }

    /** containerFeaturesConfiguration.ts {@code getFeatureInstallWrapperScript}: prints what installs, sources the variables, runs install.sh. */
    static String wrapper(Features.Installed feature) {
        StringBuilder options = new StringBuilder();
        feature.options().forEach((name, value) -> options.append(options.length() == 0 ? "" : "\n")
                .append("    ").append(FeatureOptions.variableName(name)).append('=').append(doubleQuoted(value)));
        String name = feature.definition().name();
        return "#!/bin/sh\n"
                + "set -e\n\n"
                + "on_exit () {\n"
                + "\t[ $? -eq 0 ] && exit\n"
                + "\techo " + singleQuoted("ERROR: Feature \"" + name + "\" (" + feature.userFeatureId() + ") failed to install!") + "\n"
                + "}\n\n"
                + "trap on_exit EXIT\n\n"
                + "echo ===========================================================================\n"
                + "echo " + singleQuoted("Feature       : " + name) + "\n"
                + "echo " + singleQuoted("Description   : " + feature.definition().json().path("description").asText("")) + "\n"
                + "echo " + singleQuoted("Id            : " + feature.userFeatureId()) + "\n"
                + "echo " + singleQuoted("Version       : " + feature.definition().version()) + "\n"
                + "echo " + singleQuoted("Documentation : " + feature.definition().json().path("documentationURL").asText("")) + "\n"
                + "echo 'Options       :'\n"
                + "echo " + singleQuoted(options.toString()) + "\n"
                + "echo ===========================================================================\n\n"
                + "set -a\n"
                + ". ../devcontainer-features.builtin.env\n"
                + ". ./devcontainer-features.env\n"
                + "set +a\n\n"
                + "chmod +x ./install.sh\n"
                + "./install.sh\n";
    }

    /** commonUtils.ts {@code getEntPasswdShellCommand}, for a name {@link #USER} allows (no quoting needed past that). */
    private static String passwd(String user) {
        String regex = user.replace(".", "\\.");
        return " (command -v getent >/dev/null 2>&1 && getent passwd '" + user + "' || grep -E '^" + regex
                + "|^[^:]*:[^:]*:" + regex + ":' /etc/passwd || true)";
    }

    /** A literal POSIX shell string in double quotes: {@code \ " $ `} escaped. */
    static String doubleQuoted(String value) {
        return '"' + value.replaceAll("([\\\\\"$`])", "\\\\$1") + '"';
    }

    /** A POSIX shell string in single quotes. */
    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String envName(Features.Installed feature, String name) throws FeatureException {
        if (!VARIABLE.matcher(name).matches()) {
            throw new FeatureException("The Feature \"" + feature.userFeatureId() + "\" sets the containerEnv \"" + name
                    + "\", which is not a variable name (letters, digits, '_', not starting with a digit)");
        }
        return name;
    }

    private static String envValue(Features.Installed feature, String name, String value) throws FeatureException {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new FeatureException("The Feature \"" + feature.userFeatureId() + "\" sets the containerEnv \"" + name
                    + "\" to a value with a line break, which an ENV line cannot hold");
        }
        return value.replaceAll("([\"\\\\])", "\\\\$1");
    }

    /** The Feature's folder as it is, without following links out of it. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isSymbolicLink(file)) {
                    Path link = Files.readSymbolicLink(file);
                    Path resolved = file.getParent().resolve(link).normalize();
                    if (link.isAbsolute() || !resolved.startsWith(from.normalize())) {
                        throw new IOException("The Feature folder " + from + " holds the link " + from.relativize(file)
                                + ", which points out of it (" + link + ")");
                    }
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                } else {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
