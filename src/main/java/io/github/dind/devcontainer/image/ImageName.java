package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The repository an image is built into and its tags; the first tag is the one the plugin checks. */
public record ImageName(String repository, List<String> tags) {
    public static final String SUFFIX = "-devcontainer";

    public ImageName {
        tags = List.copyOf(tags);
    }

    /** The name a project's devcontainer image gets unless told otherwise: {@code <artifactId>-devcontainer}. */
    public static String defaultRepository(String artifactId) {
        return artifactId.toLowerCase(Locale.ROOT) + SUFFIX;
    }

    /**
     * @throws InvalidSettingException naming the parameter and the rule it breaks
     */
    public static ImageName of(String repository, List<String> tags) throws InvalidSettingException {
        if (repository == null || !ImageReference.isValid(repository)
                || !ImageReference.parse(repository).repository().equals(repository)) {
            throw new InvalidSettingException("imageName", repository, "must be an image repository without tag or digest,"
                    + " e.g. my-project-devcontainer or registry.example.com/team/dev");
        }
        List<String> cleaned = new ArrayList<>(new LinkedHashSet<>(tags == null ? List.of() : tags));
        if (cleaned.isEmpty()) {
            throw new InvalidSettingException("tags", null, "must name at least one tag, e.g. latest");
        }
        for (String tag : cleaned) {
            if (tag == null || !ImageReference.isValid(repository + ":" + tag)
                    || !tag.equals(ImageReference.parse(repository + ":" + tag).tag())) {
                throw new InvalidSettingException("tags", tag, "must be a Docker tag: up to 128 letters, digits, _ . -,"
                        + " not starting with . or -");
            }
        }
        return new ImageName(repository, cleaned);
    }

    /** {@code repository:firstTag} */
    public String primary() {
        return repository + ":" + tags.get(0);
    }

    public List<String> references() {
        return tags.stream().map(tag -> repository + ":" + tag).toList();
    }
}
