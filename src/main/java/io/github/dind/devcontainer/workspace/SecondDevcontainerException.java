package io.github.dind.devcontainer.workspace;

import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * A project of a reactor configures the devcontainer differently from the project that handles it
 * in this build: it would make a second devcontainer. Names each setting, both values and both
 * projects, and where to configure the devcontainer instead.
 */
public final class SecondDevcontainerException extends DevcontainerException {
    private static final long serialVersionUID = 1L;

    /**
     * @param project the project that asks (its artifactId)
     * @param holder the project that handles the devcontainer
     * @param ownerPom the top-level project's pom, where the devcontainer is configured
     */
    public SecondDevcontainerException(String project, String holder, List<BuildClaims.Mismatch> mismatches,
            Path ownerPom) {
        super(describe(project, holder, mismatches, ownerPom));
    }

    private static String describe(String project, String holder, List<BuildClaims.Mismatch> mismatches, Path ownerPom) {
        StringBuilder message = new StringBuilder("A reactor has one devcontainer, but ").append(project)
                .append(" configures it differently from ").append(holder).append(", which handles it in this build:");
        for (BuildClaims.Mismatch m : mismatches) {
            message.append(System.lineSeparator()).append("  - ").append(Setting.ref(m.parameter())).append(" is ")
                    .append(m.value()).append(" in ").append(project).append(", ").append(m.held()).append(" in ")
                    .append(holder);
        }
        message.append(System.lineSeparator()).append("Configure the devcontainer once, in the top-level pom (")
                .append(ownerPom).append("), and remove these elements from ").append(project)
                .append("'s configuration of the plugin.");
        if (mismatches.stream().anyMatch(m -> m.parameter().equals("directory"))) {
            message.append(" A ").append(Setting.ref("directory")).append(" the modules inherit must not depend on the"
                    + " module (${project.basedir} does): leave it out, the default is the top-level project's"
                    + " .devcontainer.");
        }
        return message.toString();
    }
}
