package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's {@code settings.xml} servers as registry logins, keyed by server id (the registry host, as
 * jib and fabric8 read them). Passwords encrypted with {@code mvn --encrypt-password} are decrypted
 * by Maven's own {@link SettingsDecrypter} ("Password Encryption" in the Maven guides).
 */
final class MavenServers {
    private MavenServers() {
    }

    static Map<String, RegistryCredentials> of(Settings settings, SettingsDecrypter decrypter, Log log) {
        Map<String, RegistryCredentials> servers = new LinkedHashMap<>();
        if (settings == null || settings.getServers() == null) {
            return servers;
        }
        List<Server> decrypted = settings.getServers();
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(settings));
            for (SettingsProblem problem : result.getProblems()) {
                log.warn("settings.xml: " + problem.getMessage());
            }
            decrypted = result.getServers();
        }
        for (Server server : decrypted) {
            if (server.getId() != null && server.getUsername() != null) {
                servers.put(server.getId(), RegistryCredentials.password(server.getUsername(),
                        server.getPassword() == null ? "" : server.getPassword(), "settings.xml server " + server.getId()));
            }
        }
        return servers;
    }
}
