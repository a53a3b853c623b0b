package io.github.dind.devcontainer.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy build arguments the docker CLI sends for a build: from {@code proxies} in its
 * {@code config.json} — the entry named after the daemon's address if there is one, else
 * {@code default} — each of {@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY},
 * {@code FTP_PROXY}, {@code ALL_PROXY} in upper and lower case, unless the build already sets that
 * name (docker/cli {@code cli/config/configfile/file.go}, {@code ParseProxyConfig}). Docker treats
 * these names as predefined: they reach RUN steps without an ARG and stay out of the image's history
 * and cache keys, so they do not enter the build fingerprint either. (The classic builder's list,
 * moby {@code builder/dockerfile/buildargs.go} {@code builtinAllowedBuildArgs}, lacks {@code ALL_PROXY},
 * and a Dockerfile that declares one with {@code ARG} gets it recorded: {@link BuildArgSecrets}.)
 */
public final class ProxyArgs {
    private static final Map<String, String> KEYS = Map.of("httpProxy", "HTTP_PROXY", "httpsProxy", "HTTPS_PROXY",
            "noProxy", "NO_PROXY", "ftpProxy", "FTP_PROXY", "allProxy", "ALL_PROXY");

    private ProxyArgs() {
    }

    /**
     * @param environment for {@code DOCKER_CONFIG} (else {@code ~/.docker})
     * @param daemonHost the daemon's address as the docker CLI names it, e.g. {@code unix:///var/run/docker.sock}
     * @param buildArgs what the build sets already: those names are left alone
     * @return the arguments to add; empty when there is no config, no proxies, or it cannot be read
     *     (a broken config.json is the docker CLI's to report, not a reason to fail the build)
     */
    public static Map<String, String> forBuild(Map<String, String> environment, String daemonHost,
            Map<String, String> buildArgs) {
        String dir = environment.get("DOCKER_CONFIG");
        Path config = (dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(dir))
                .resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Map.of();
        }
        try {
            return fromConfig(JsonMapper.builder().build().readTree(Files.readString(config)), daemonHost, buildArgs);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static Map<String, String> fromConfig(JsonNode config, String daemonHost, Map<String, String> buildArgs) {
        JsonNode proxies = config.path("proxies");
        JsonNode chosen = proxies.has(daemonHost) ? proxies.path(daemonHost) : proxies.path("default");
        Map<String, String> args = new LinkedHashMap<>();
        KEYS.forEach((key, name) -> {
            String value = chosen.path(key).asText("");
            if (value.isEmpty()) {
                return;
            }
            for (String variant : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
                if (!buildArgs.containsKey(variant)) {
                    args.put(variant, value);
                }
            }
        });
        return args;
    }
}
