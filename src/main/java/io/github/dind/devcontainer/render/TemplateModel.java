package io.github.dind.devcontainer.render;

import static io.github.dind.devcontainer.DevcontainerException.setting;

import io.github.dind.devcontainer.spec.DevcontainerSpec;
import io.github.dind.devcontainer.spec.PackageManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The values the templates see; text that comes from a setting is a {@link TemplateValue} naming it.
 * Documented in the README ("Your own templates"): keep the names
 * stable, user templates depend on them.
 */
final class TemplateModel {
    static final String STARTUP_SCRIPT = "/usr/local/bin/startup.sh";

    private TemplateModel() {
    }

    static Map<String, Object> of(DevcontainerSpec spec) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", new TemplateValue(spec.name(), setting("name")));
        model.put("distro", new TemplateValue(spec.distro().id(), setting("distro")));
        model.put("baseImage", new TemplateValue(spec.baseImage().toString(), setting("baseImage")));
        model.put("apk", spec.distro().packageManager() == PackageManager.APK);
        model.put("apt", spec.distro().packageManager() == PackageManager.APT);
        model.put("glibc", spec.distro().glibc());
        List<String> packages = spec.packages();
        model.put("packages", IntStream.range(0, packages.size())
                .mapToObj(i -> Map.of("name", new TemplateValue(packages.get(i), setting("packages")),
                        "more", i < packages.size() - 1))
                .toList());
        model.put("remoteUser", new TemplateValue(spec.remoteUser(), setting("remoteUser")));
        model.put("nonRootUser", spec.nonRootUser());
        model.put("dockerVolume", spec.dockerVolume());
        model.put("dockerdTimeout", Integer.toString(spec.dockerdTimeoutSeconds()));
        model.put("startupScript", STARTUP_SCRIPT);
        model.put("postStartCommand", spec.nonRootUser() ? "sudo -n " + STARTUP_SCRIPT : STARTUP_SCRIPT);
        List<Map<String, Object>> labels = spec.labels().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "value",
                        new TemplateValue(e.getValue(), "The project's image label " + e.getKey())))
                .toList();
        model.put("labels", labels);
        return model;
    }
}
