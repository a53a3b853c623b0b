package io.github.dind.devcontainer.generate.render;

import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a template in the user's template directory first, file by file, and falls back to the one
 * bundled with the plugin. (mustache.java's default resolver looks on the classpath first, which
 * would make the plugin's own templates impossible to override.)
 */
final class TemplateResolver implements MustacheResolver {
    static final String BUNDLED_LOCATION = "/templates/";

    private final Path userDirectory;

    /** @param userDirectory the user's templates, or null for the bundled ones only */
    TemplateResolver(Path userDirectory) {
        this.userDirectory = userDirectory == null ? null : userDirectory.toAbsolutePath().normalize();
    }

    /** Whether the user's directory holds its own version of this template. */
    boolean isOverridden(String templateName) {
        return userFile(templateName) != null;
    }

    @Override
    public Reader getReader(String resourceName) {
        Path own = userFile(resourceName);
        try {
            if (own != null) {
                return Files.newBufferedReader(own, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + own, e);
        }
        InputStream bundled = TemplateResolver.class.getResourceAsStream(BUNDLED_LOCATION + resourceName);
        return bundled == null ? null : new InputStreamReader(bundled, StandardCharsets.UTF_8);
    }

    private Path userFile(String name) {
        if (userDirectory == null) {
            return null;
        }
        Path candidate = userDirectory.resolve(name).normalize();
        return candidate.startsWith(userDirectory) && Files.isRegularFile(candidate) ? candidate : null;
    }
}
