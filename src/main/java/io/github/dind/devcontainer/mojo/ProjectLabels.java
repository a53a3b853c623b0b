package io.github.dind.devcontainer.mojo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.model.License;
import org.apache.maven.project.MavenProject;

/** The OCI image annotations ({@code org.opencontainers.image.*}) a Maven project can fill in. */
final class ProjectLabels {
    static final String PREFIX = "org.opencontainers.image.";

    private ProjectLabels() {
    }

    /** Labels in a stable order; absent values are null and left out by the spec. */
    static Map<String, String> of(MavenProject project, String title) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PREFIX + "title", title);
        labels.put(PREFIX + "description", project.getDescription());
        labels.put(PREFIX + "version", project.getVersion());
        labels.put(PREFIX + "url", project.getUrl());
        labels.put(PREFIX + "source", project.getScm() == null ? null : project.getScm().getUrl());
        labels.put(PREFIX + "licenses", project.getLicenses().stream()
                .map(License::getName)
                .filter(n -> n != null && !n.isBlank())
                .collect(Collectors.collectingAndThen(Collectors.joining(" AND "), s -> s.isEmpty() ? null : s)));
        labels.put(PREFIX + "vendor", project.getOrganization() == null ? null : project.getOrganization().getName());
        return labels;
    }
}
