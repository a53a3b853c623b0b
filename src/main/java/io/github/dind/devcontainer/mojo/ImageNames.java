package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.docker.ImageName;
import java.util.List;
import org.apache.maven.project.MavenProject;

/** The devcontainer image's name for a project, shared by build and verify so both mean the same image. */
final class ImageNames {
    private ImageNames() {
    }

    /**
     * @param imageName the configured repository, or null for {@code <artifactId>-devcontainer}
     * @param tags the configured tags, or null/empty for the project version and {@code latest}
     */
    static ImageName resolve(MavenProject project, String imageName, List<String> tags) {
        String repository = imageName == null || imageName.isBlank()
                ? ImageName.defaultRepository(project.getArtifactId()) : imageName.strip();
        List<String> chosen = tags == null || tags.isEmpty() ? List.of(project.getVersion(), "latest") : tags;
        return ImageName.of(repository, chosen);
    }
}
