package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.secrets.CredentialDetector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Refuses build arguments that look like credentials ({@link CredentialDetector}), before anything
 * is sent to the daemon.
 *
 * <p>Why: the classic builder records the build arguments a Dockerfile declares in the image's
 * history — every {@code RUN} after {@code ARG NAME} is stored as {@code |1 NAME=value /bin/sh -c ...},
 * which {@code docker history --no-trunc} prints and a push publishes (moby
 * {@code builder/dockerfile/dispatchers.go}, {@code prependEnvOnCmd}; Docker's "Build variables" page:
 * build arguments "are inappropriate for passing secrets ... because they're exposed in the final
 * image"). BuildKit's build secrets ({@code RUN --mount=type=secret}) would keep one out, but the
 * Docker API's classic builder, the only one docker-java speaks, has none.
 *
 * <p>Which arguments are judged:
 *
 * <ul>
 *   <li>Every argument the build is given (the pom's {@code buildArgs}, devcontainer.json's
 *       {@code build.args} and {@code --build-arg} options), whether or not today's Dockerfile
 *       declares it: one {@code ARG} line later it is recorded, and a value that is never used has no
 *       business in the request either.
 *   <li>Except Docker's predefined proxy arguments, {@code HTTP_PROXY}, {@code HTTPS_PROXY},
 *       {@code FTP_PROXY}, {@code NO_PROXY} and their lower-case forms: moby keeps them out of the
 *       history unless the Dockerfile declares them ({@code builtinAllowedBuildArgs} in
 *       {@code buildargs.go}: "excluded from the image history"; {@code IsReferencedOrNotBuiltin}). A
 *       proxy URL with a password among them is refused only when the Dockerfile says {@code ARG} for
 *       it. ({@code ALL_PROXY} is not on moby's list: the classic builder treats it as any other.)
 *   <li>The proxies the docker CLI's {@code config.json} adds, which the user did not give this build:
 *       only those the Dockerfile declares (an undeclared one reaches no step, or only the RUN
 *       environment for the predefined names, and no history).
 * </ul>
 *
 * <p>An argument named in the allow-list ({@code allowedSecrets}) is sent as given.
 */
final class BuildArgSecrets {
    /** moby's {@code builtinAllowedBuildArgs}: kept out of the history unless declared. */
    static final Set<String> PREDEFINED = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
            "ftp_proxy", "NO_PROXY", "no_proxy");

    /** Where the docker CLI's proxies come from, as a source. */
    static final String DOCKER_CONFIG = "proxies in the docker CLI's config.json";

    /**
     * A build argument and where it comes from.
     *
     * @param source for the message, e.g. {@code build.args of /repo/.devcontainer/devcontainer.json}
     *     (a {@link Setting} mark for the pom's parameter)
     * @param fromDockerConfig added from the docker CLI's {@code config.json} proxies, not given to this build
     */
    record Arg(String name, String value, String source, boolean fromDockerConfig) {
    }

    private BuildArgSecrets() {
    }

    /**
     * @param declared the names the Dockerfile declares with {@code ARG}
     * @param allowed the allow-list: argument names (and format ids) the user accepts in the image
     * @throws CredentialInBuildException naming each argument that looks like a credential, its source
     *     and what it looks like (never its value), and how to pass it safely
     */
    static void refuse(List<Arg> args, Set<String> declared, Collection<String> allowed) throws CredentialInBuildException {
        CredentialDetector detector = new CredentialDetector(allowed);
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean declaredProxy = false;
        boolean fromJson = false;
        for (Arg arg : args) {
            boolean predefined = PREDEFINED.contains(arg.name());
            boolean recorded = declared.contains(arg.name()) || !predefined && !arg.fromDockerConfig();
            if (!recorded) {
                continue;
            }
            List<CredentialDetector.Finding> found = detector.inNamedValue("build argument", arg.name(), arg.value());
            if (found.isEmpty()) {
                continue;
            }
            CredentialDetector.Finding first = found.get(0);
            names.add(arg.name());
            problems.add(arg.name() + " (" + arg.source() + ") holds " + first.kind() + " (" + first.preview() + ")"
                    + (first.name() != null && !first.name().equals(arg.name()) ? " in " + first.name() : ""));
            declaredProxy |= predefined || arg.fromDockerConfig();
            fromJson |= arg.source().contains("devcontainer.json");
        }
        if (problems.isEmpty()) {
            return;
        }
        String one = names.size() == 1 ? names.get(0) : "NAME";
        StringBuilder message = new StringBuilder(names.size() == 1 ? "The build argument " : "The build arguments ")
                .append(String.join("; ", problems)).append(names.size() == 1 ? ": it looks" : ": they look")
                .append(" like a credential, and the image would keep ").append(names.size() == 1 ? "it" : "them")
                .append(": Docker records the build arguments a Dockerfile declares in the image's history (docker history"
                        + " --no-trunc shows them; push publishes them), and the classic builder this plugin uses through"
                        + " the Docker API has no BuildKit secrets (--secret) to keep one out.");
        if (declaredProxy) {
            message.append(" (Docker keeps its predefined proxy arguments out of the history only while the Dockerfile"
                    + " does not declare them: remove that ARG line, or the password from the proxy URL.)");
        }
        if (fromJson) {
            message.append(" A ${localEnv:...} in build.args does not help: the build receives the value, and that is"
                    + " what Docker records.");
        }
        message.append(" Give it to the container when it starts instead: \"remoteEnv\": {\"").append(one)
                .append("\": \"${localEnv:").append(one).append("}\"} in devcontainer.json (clients substitute it when they"
                        + " start the container; the image keeps the reference, not the value), a file mounted at run time"
                        + " (\"mounts\" in devcontainer.json), or for Maven a <server> in settings.xml (generate's"
                        + " mavenSettings mounts it). If ")
                .append(names.size() == 1 ? "it is" : "they are").append(" no secret, list ")
                .append(String.join(", ", names)).append(" in ").append(Setting.ref("allowedSecrets")).append('.');
        throw new CredentialInBuildException(message.toString(), names);
    }
}
