package io.github.dind.devcontainer.image.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dind.devcontainer.devcontainer.features.FeatureRegistry;
import io.github.dind.devcontainer.devcontainer.features.Features;
import io.github.dind.devcontainer.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureLayerTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    private List<Features.Installed> plan(String features) throws Exception {
        Path devcontainer = dir.resolve(".devcontainer");
        Path base = devcontainer.resolve("base");
        Files.createDirectories(base);
        Files.writeString(base.resolve("devcontainer-feature.json"), """
                {"id": "base", "version": "1.2.0", "name": "Base tools",
                 "options": {"greeting": {"type": "string", "default": "hello"}},
                 "containerEnv": {"BASE_HOME": "/opt/base", "PATH": "/opt/base/bin:${PATH}", "QUOTE": "say \\"hi\\""}}""");
        Files.writeString(base.resolve("install.sh"), "#!/bin/sh\nset -e\nprintf '%s|%s|%s|%s\\n' \"$GREETING\" "
                + "\"$_REMOTE_USER\" \"$_CONTAINER_USER\" \"$_REMOTE_USER_HOME\" > \"$OUT\"\n");
        Path app = devcontainer.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("devcontainer-feature.json"), """
                {"id": "app", "version": "0.1.0", "dependsOn": {"./base": {"greeting": "it's $HOME `id` \\\\ \\""}},
                 "options": {"flag": {"type": "boolean", "default": false}}}""");
        Files.writeString(app.resolve("install.sh"), "#!/bin/sh\necho app\n");
        ObjectNode config = (ObjectNode) JSON.readTree("{\"features\": " + features + "}");
        return Features.plan(config, devcontainer, devcontainer, FeatureRegistry.NONE);
    }

    @Test
    void theDockerfileInstallsEachFeatureInOrderAfterItsContainerEnvAndRestoresTheUser() throws Exception {
        Path context = dir.resolve("context");
        FeatureLayer.write(context, "sha256:abc", plan("{\"./app\": {\"flag\": true}}"), "dev", "dev", "dev");

        String dockerfile = Files.readString(context.resolve("Dockerfile"));
        assertThat(dockerfile).startsWith("# Installs the Features").contains("FROM sha256:abc\nUSER root\n")
                .contains("getent passwd 'dev' || grep -E '^dev|^[^:]*:[^:]*:dev:' /etc/passwd || true) | cut -d: -f6)")
                .endsWith("\nUSER dev\n");
        int env = dockerfile.indexOf("ENV PATH=\"/opt/base/bin:${PATH}\"");
        int base = dockerfile.indexOf("COPY --chown=root:root base_0 /tmp/dev-container-features/base_0");
        int app = dockerfile.indexOf("COPY --chown=root:root app_1 /tmp/dev-container-features/app_1");
        assertThat(env).isPositive().isLessThan(base);
        assertThat(base).isLessThan(app);
        assertThat(dockerfile).contains("ENV QUOTE=\"say \\\"hi\\\"\"");
        assertThat(context.resolve("base_0/install.sh")).isRegularFile();
        assertThat(Files.readString(context.resolve("devcontainer-features.builtin.env"))).isEqualTo("_CONTAINER_USER=dev\n_REMOTE_USER=dev\n");
        assertThat(Files.readString(context.resolve("app_1/devcontainer-features.env"))).isEqualTo("FLAG=\"true\"\n");
    }

    @Test
    void theWrapperGivesInstallShTheOptionsLiterallyAndTheBuiltInVariables() throws Exception {
        Path context = dir.resolve("context");
        FeatureLayer.write(context, "sha256:abc", plan("{\"./app\": {}}"), "root", "root", "root");
        // what the Dockerfile's first RUN appends in the image
        Files.writeString(context.resolve("devcontainer-features.builtin.env"), "_REMOTE_USER_HOME=/root\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");

        Processes.Result run = Processes.run(List.of("env", "OUT=" + out, "sh", "-c",
                "cd '" + context.resolve("base_0") + "' && sh ./devcontainer-features-install.sh"), "", Duration.ofSeconds(20));

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("Feature       : Base tools", "Id            : ./base", "Version       : 1.2.0");
        assertThat(Files.readString(out)).isEqualTo("it's $HOME `id` \\ \"|root|root|/root\n");
    }

    @Test
    void aNameTheShellOrDockerfileCannotTakeIsRefused() throws Exception {
        List<Features.Installed> features = plan("{\"./app\": {}}");
        assertThatThrownBy(() -> FeatureLayer.write(dir.resolve("c1"), "img", features, "root", "root", "a b"))
                .hasMessageContaining("The user \"a b\"");
    }
}
