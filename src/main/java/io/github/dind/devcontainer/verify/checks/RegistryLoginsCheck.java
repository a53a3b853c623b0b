package io.github.dind.devcontainer.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives the inner docker CLI the registry logins verify was asked for ({@code innerRegistryLogins}),
 * before the lifecycle commands run: an {@code auths} entry per registry in
 * {@code ~/.docker/config.json} of root and of the remote user, inside the running container only.
 * The file is written through the engine's archive API (never on a command line, never into the image,
 * its labels or its history) and goes with the container. Entries already in such a file stay;
 * an entry for the same registry is replaced.
 *
 * <p>The format is the docker CLI's ({@code cli/config/configfile/file.go}): {@code auth} is base64 of
 * {@code user:password}, an identity token goes in {@code identitytoken}, and Docker Hub is keyed
 * {@code https://index.docker.io/v1/}. The inner CLI sends the login for an image's registry with each
 * pull, and dockerd offers that same login to every endpoint it tries for that image — a
 * {@code registry-mirrors} mirror for a Docker Hub image gets Docker Hub's (moby
 * {@code distribution/pull.go}: one {@code AuthConfig} per pull, for the mirrors and the registry alike).
 */
public final class RegistryLoginsCheck extends AbstractCheck {
    public static final String ID = "registry-logins";
    /** Docker Hub's key in config.json (docker/cli {@code registry.IndexServer}). */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One registry's login, found on the host by the sources push uses.
     *
     * @param registry the registry host[:port] as listed in {@code innerRegistryLogins} ({@code docker.io} for Docker Hub)
     * @param username null with an identity token
     * @param source where it was found, for the report (never the secret)
     */
    public record Login(String registry, String username, String password, String identityToken, String source) {
        /** The key the docker CLI looks it up by. */
        String key() {
            return DOCKER_HUB_HOSTS.contains(registry) ? DOCKER_HUB_KEY : registry;
        }

        /** Leaves the secrets out. */
        @Override
        public String toString() {
            return registry + " (" + (identityToken != null ? "identity token" : "user " + username) + " from " + source + ")";
        }
    }

    private final List<Login> logins;

    public RegistryLoginsCheck(List<Login> logins, Duration timeout) {
        super(ID, "the inner docker CLI has the registry logins", Set.of(RunningCheck.ID), timeout);
        this.logins = List.copyOf(logins);
    }

    @Override
    public Observation run(Container container, Timings timings) throws IOException {
        Set<String> users = new LinkedHashSet<>(List.of("root", container.remoteUser()));
        List<String> written = new ArrayList<>();
        for (String user : users) {
            String folder = home(container, user) + "/.docker";
            String file = folder + "/config.json";
            ExecResult existing = container.exec(timeout, "sh", "-c",
                    "mkdir -p \"$1\" && if [ -f \"$1/config.json\" ]; then cat \"$1/config.json\"; fi", "sh", folder);
            if (!existing.succeeded()) {
                return Observation.fail("cannot create " + folder + ": " + existing.output());
            }
            byte[] content;
            try {
                content = merged(existing.stdout()).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Observation.fail(file + " is there but is no JSON object (" + e.getMessage() + "); not replaced");
            }
            container.putFile(file, content);
            ExecResult owned = container.exec(timeout, "sh", "-c",
                    "chown -R \"$2\": \"$1\" && chmod 0700 \"$1\" && chmod 0600 \"$1/config.json\"", "sh", folder, user);
            if (!owned.succeeded()) {
                return Observation.fail("cannot hand " + folder + " to " + user + ": " + owned.output());
            }
            written.add(file);
        }
        return Observation.pass("logins for " + String.join(", ", logins.stream().map(Login::toString).toList())
                + " in " + String.join(" and ", written));
    }

    /** The user's home directory from the container's passwd database. */
    private String home(Container container, String user) {
        if (user.equals("root")) {
            return "/root";
        }
        ExecResult entry = container.exec(timeout, "getent", "passwd", user);
        String[] fields = entry.stdout().strip().split(":", -1);
        if (entry.exitCode() != 0 || fields.length < 7 || !fields[5].startsWith("/")) {
            throw new IllegalStateException("the remote user " + user + " has no home directory in the container's"
                    + " passwd database (getent passwd " + user + " exited " + entry.exitCode() + ")");
        }
        return fields[5];
    }

    /** An existing config.json (possibly empty) with this check's {@code auths} entries put in. */
    String merged(String existing) throws IOException {
        ObjectNode config;
        if (existing == null || existing.isBlank()) {
            config = JSON.createObjectNode();
        } else {
            JsonNode parsed = JSON.readTree(existing);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IOException("not a JSON object");
            }
            config = object;
        }
        JsonNode auths = config.get("auths");
        ObjectNode entries = auths instanceof ObjectNode object ? object : config.putObject("auths");
        for (Login login : logins) {
            ObjectNode entry = entries.putObject(login.key());
            if (login.identityToken() != null) {
                entry.put("identitytoken", login.identityToken());
            } else {
                entry.put("auth", Base64.getEncoder().encodeToString((login.username() + ":"
                        + (login.password() == null ? "" : login.password())).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n";
    }
}
