package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.workspace.GitRevision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.maven.model.License;
import org.apache.maven.project.MavenProject;

/** The OCI image annotations ({@code org.opencontainers.image.*}) a Maven project can fill in. */
final class ProjectLabels {
    static final String PREFIX = "org.opencontainers.image.";

    private ProjectLabels() {
    }

    /**
     * The image's identity, the same in the generated Dockerfile and at build time: title (the
     * project's name) and version. Labels set at build time win over the Dockerfile's, so the two
     * must agree.
     */
    private static Map<String, String> identity(MavenProject project) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PREFIX + "title", project.getName());
        labels.put(PREFIX + "version", project.getVersion());
        return labels;
    }

    /** For the generated Dockerfile, in a stable order; absent values are null and left out by the spec. */
    static Map<String, String> forDockerfile(MavenProject project) {
        Map<String, String> labels = identity(project);
        labels.put(PREFIX + "description", project.getDescription());
        labels.put(PREFIX + "url", project.getUrl());
        labels.put(PREFIX + "source", project.getScm() == null ? null : project.getScm().getUrl());
        labels.put(PREFIX + "licenses", project.getLicenses().stream()
                .map(License::getName)
                .filter(n -> n != null && !n.isBlank())
                .collect(Collectors.collectingAndThen(Collectors.joining(" AND "), s -> s.isEmpty() ? null : s)));
        labels.put(PREFIX + "vendor", project.getOrganization() == null ? null : project.getOrganization().getName());
        return labels;
    }

    /**
     * For the build: the identity, plus the commit when the project is a git checkout, which a
     * generated file must not record (it would change with every commit).
     */
    static Map<String, String> forBuild(MavenProject project) {
        Map<String, String> labels = identity(project);
        GitRevision.of(project.getBasedir().toPath()).ifPresent(sha -> labels.put(PREFIX + "revision", sha));
        labels.values().removeIf(Objects::isNull);
        return labels;
    }
}
