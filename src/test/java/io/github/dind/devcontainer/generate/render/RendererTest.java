package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.Distro;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Processes;
import io.github.dind.devcontainer.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RendererTest {

    private static Map<String, GeneratedFile> render(GenerateRequest spec) throws TemplateException {
        return new Renderer(null).render(spec).stream()
                .collect(Collectors.toMap(GeneratedFile::fileName, Function.identity()));
    }

    private static Map<String, GeneratedFile> render(Distro distro) throws TemplateException {
        return render(Requests.build(Requests.sample(distro.id())));
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void rendersTheFourFilesForEveryDistro(Distro distro) throws Exception {
        Map<String, GeneratedFile> files = render(distro);

        assertThat(files).containsOnlyKeys("Dockerfile", "startup.sh", "devcontainer.json", ".gitattributes",
                "dind/devcontainer-feature.json", "dind/install.sh");
        assertThat(files.get("dind/install.sh").executable()).isTrue();
        assertThat(files.get("startup.sh").executable()).isTrue();
        String dockerfile = files.get("Dockerfile").body();
        assertThat(dockerfile).contains("FROM " + distro.defaultBaseImage() + "\n");
        for (String pkg : distro.packages()) {
            assertThat(dockerfile).containsPattern("(?m)^\\s+" + Pattern.quote(pkg) + "( \\\\)?$");
        }
        assertThat(dockerfile)
                .contains("COPY startup.sh /usr/local/bin/startup.sh\n")
                .contains("ENTRYPOINT [\"dumb-init\", \"--\", \"/usr/local/bin/startup.sh\"]\n")
                .contains("CMD [\"sleep\", \"infinity\"]\n")
                .contains("LABEL org.opencontainers.image.title=\"Sample Project\"\n");
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void dockerfileUsesNoBuildKitOnlySyntax(Distro distro) throws Exception {
        String dockerfile = render(distro).get("Dockerfile").body();

        assertThat(dockerfile).doesNotContain("--mount", "--chmod", "--link", "--chown", "<<");
        assertThat(dockerfile).doesNotContainPattern("(?m)^#\\s*syntax=");
    }

    @Test
    void aptDistrosInstallWithoutRecommendsAndDropTheLists() throws Exception {
        String dockerfile = render(Distro.DEBIAN).get("Dockerfile").body();

        assertThat(dockerfile)
                .contains("apt-get install -y --no-install-recommends")
                .contains("    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*")
                .doesNotContain("apk add");
    }

    @Test
    void apkDistrosInstallWithoutCache() throws Exception {
        String dockerfile = render(Distro.WOLFI).get("Dockerfile").body();

        assertThat(dockerfile).contains("apk add --no-cache").doesNotContain("apt-get");
        // the last package ends the instruction: no dangling line continuation
        List<String> packages = Distro.WOLFI.packages();
        assertThat(dockerfile).containsPattern("(?m)^\\s+" + Pattern.quote(packages.get(packages.size() - 1)) + "$");
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void devcontainerJsonIsValidAgainstTheOfficialSchema(Distro distro) throws Exception {
        String json = GeneratedFileMarker.stamp(render(distro).get("devcontainer.json"));

        assertThat(DevcontainerSchema.problems(json)).isEmpty();
    }

    @Test
    void devcontainerJsonKeepsTheEntrypointAndRunsPrivileged() throws Exception {
        JsonNode json = Jsonc.parse(render(Distro.DEBIAN).get("devcontainer.json").body());

        assertThat(json.path("overrideCommand").isBoolean()).isTrue();
        assertThat(json.path("overrideCommand").booleanValue()).isFalse();
        assertThat(json.path("init").booleanValue()).isFalse();
        assertThat(json.path("build").path("dockerfile").textValue()).isEqualTo("Dockerfile");
        // privileged and the hooks are the dind Feature's, applied before devcontainer.json by every client
        assertThat(json.path("features").fieldNames()).toIterable().containsExactly("./dind");
        assertThat(json.path("overrideFeatureInstallOrder")).extracting(JsonNode::textValue).containsExactly("./dind");
        assertThat(json.has("privileged")).isFalse();
        assertThat(json.has("postStartCommand")).isFalse();
        JsonNode dind = Jsonc.parse(render(Distro.DEBIAN).get("dind/devcontainer-feature.json").body());
        assertThat(dind.path("id").textValue()).isEqualTo("dind");
        assertThat(dind.path("privileged").booleanValue()).isTrue();
        assertThat(dind.path("postStartCommand").textValue()).isEqualTo("/usr/local/bin/startup.sh");
        assertThat(dind.path("mounts").path(0).path("target").textValue()).isEqualTo("/var/lib/docker");
        assertThat(json.path("remoteUser").textValue()).isEqualTo("root");
        JsonNode mount = dind.path("mounts").path(0);
        assertThat(mount.path("source").textValue()).isEqualTo("dind-var-lib-docker-${devcontainerId}");
        assertThat(mount.path("target").textValue()).isEqualTo("/var/lib/docker");
        assertThat(mount.path("type").textValue()).isEqualTo("volume");
    }

    @Test
    void theDockerVolumeCanBeTurnedOff() throws Exception {
        GenerateRequest spec = Requests.build(Requests.sample("debian").dockerVolume(false));
        String json = GeneratedFileMarker.stamp(render(spec).get("devcontainer.json"));

        assertThat(Jsonc.parse(json).has("mounts")).isFalse();
        assertThat(DevcontainerSchema.problems(json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void aNonRootUserIsCreatedInTheDockerGroupWithANarrowSudoRule(Distro distro) throws Exception {
        Map<String, GeneratedFile> files = render(Requests.build(Requests.sample(distro.id()).remoteUser("dev")));
        String dockerfile = files.get("Dockerfile").body();
        JsonNode json = Jsonc.parse(files.get("devcontainer.json").body());
        JsonNode dind = Jsonc.parse(files.get("dind/devcontainer-feature.json").body());

        assertThat(dockerfile).containsPattern("(?m)^\\s+sudo( \\\\)?$");
        assertThat(dockerfile).contains("dev ALL=(root) NOPASSWD: /usr/local/bin/startup.sh \\\"\\\"");
        assertThat(dockerfile).containsPattern("useradd .*--groups docker \"dev\"|addgroup \"dev\" docker");
        assertThat(json.path("remoteUser").textValue()).isEqualTo("dev");
        assertThat(dind.path("postStartCommand").textValue()).isEqualTo("sudo -n /usr/local/bin/startup.sh");
        assertThat(dind.path("onCreateCommand").textValue()).isEqualTo("sudo -n /usr/local/bin/startup.sh");
        assertThat(DevcontainerSchema.problems(GeneratedFileMarker.stamp(files.get("devcontainer.json")))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void startupScriptPassesShellcheck(Distro distro) throws Exception {
        String script = GeneratedFileMarker.stamp(render(distro).get("startup.sh"));

        Processes.Result result = Processes.run(List.of("shellcheck", "--severity=style", "-"), script);

        assertThat(result.exitCode()).as(result.stdout()).isZero();
    }

    @Test
    void registryMirrorsAndInsecureRegistriesReachTheImagesEnvOnlyWhenGiven() throws Exception {
        String dockerfile = render(Requests.build(Requests.sample("debian")
                .registryMirrors(List.of("https://mirror.example.com", "http://172.17.0.1:5000"))
                .insecureRegistries(List.of("172.17.0.1:5000", "10.0.0.0/8")))).get("Dockerfile").body();

        assertThat(dockerfile).contains("\nENV DOCKERD_REGISTRY_MIRRORS=\"https://mirror.example.com,http://172.17.0.1:5000\"\n")
                .contains("\nENV DOCKERD_INSECURE_REGISTRIES=\"172.17.0.1:5000,10.0.0.0/8\"\n");
        assertThat(render(Distro.DEBIAN).get("Dockerfile").body()).doesNotContain("DOCKERD_REGISTRY_MIRRORS")
                .doesNotContain("DOCKERD_INSECURE_REGISTRIES");
    }

    @Test
    void startupScriptIsAPlainBashFileAndTheTimeoutComesFromTheImagesEnv() throws Exception {
        Map<String, GeneratedFile> files = render(Requests.build(Requests.sample("debian").dockerdTimeoutSeconds(45)));
        String script = files.get("startup.sh").body();

        assertThat(script).as("the bundled template, unchanged: no values rendered into it")
                .isEqualTo(new String(Renderer.class.getResourceAsStream("/templates/startup.sh.mustache").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(files.get("Dockerfile").body()).contains("\nENV DOCKERD_TIMEOUT=45\n");
        assertThat(script).startsWith("#!/usr/bin/env bash\n");
        assertThat(script).contains("set -euo pipefail\n");
        assertThat(script).contains("sleep 0.1");
        assertThat(script).contains("exec \"$@\"");
        assertThat(script).contains("cgroup_root=$root/sys/fs/cgroup\n");
    }

    @Test
    void gitKeepsLfForEveryGeneratedFile() throws Exception {
        Map<String, GeneratedFile> files = render(Distro.DEBIAN);
        String attributes = GeneratedFileMarker.stamp(files.get(".gitattributes"));

        for (String name : files.keySet()) {
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            assertThat(attributes).containsPattern("(?m)^" + Pattern.quote(fileName.endsWith(".sh") ? "*.sh" : fileName)
                    + " text eol=lf$");
        }
        assertThat(GeneratedFileMarker.ownership(attributes)).isEqualTo(GeneratedFileMarker.Ownership.PLUGIN_UNCHANGED);
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void dockerfileStripsCarriageReturnsFromTheStartupScript(Distro distro) throws Exception {
        String dockerfile = render(distro).get("Dockerfile").body();

        assertThat(dockerfile).contains("COPY startup.sh /usr/local/bin/startup.sh\n"
                + "RUN tr -d '\\r' </usr/local/bin/startup.sh >/usr/local/bin/startup.sh.lf \\\n");
    }

    @Test
    void theFirstHookWaitsForDockerd() throws Exception {
        Map<String, GeneratedFile> files = render(Distro.DEBIAN);
        JsonNode dind = Jsonc.parse(files.get("dind/devcontainer-feature.json").body());

        // the dind Feature's onCreateCommand: clients run it before devcontainer.json's, whatever that says
        assertThat(dind.path("onCreateCommand").textValue()).isEqualTo("/usr/local/bin/startup.sh");
        assertThat(Jsonc.parse(files.get("devcontainer.json").body()).has("onCreateCommand")).isFalse();
        assertThat(DevcontainerSchema.featureProblems(GeneratedFileMarker.stamp(files.get("dind/devcontainer-feature.json"))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void theImageChecksThePluginsAndRootsShellAndTheLoaderCacheOnGlibc(Distro distro) throws Exception {
        String dockerfile = render(distro).get("Dockerfile").body();

        assertThat(dockerfile).contains("for plugin in buildx compose", "getconf", "/bin/bash#' /etc/passwd");
        if (distro.glibc()) {
            assertThat(dockerfile).contains("for library in libstdc++.so libXext.so.6 libXrender.so.1 libXtst.so.6"
                    + " libXi.so.6 libfreetype.so.6; do", "ldconfig -p | grep -qF \"$library\"", " getconf unzip");
        } else {
            assertThat(dockerfile).as("musl has no loader cache").doesNotContain("ldconfig");
            assertThat(dockerfile).as("no JetBrains backend on musl").doesNotContain("unzip", "libXext");
        }
    }

    /** The loader-cache loop of a glibc Dockerfile, run by sh with {@code ldconfig -p} answering {@code cache}. */
    private static Processes.Result runLoaderCacheCheck(String dockerfile, List<String> cache) {
        List<String> lines = dockerfile.lines().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("    && for library in")).findFirst().orElseThrow());
        int last = first + lines.subList(first, lines.size()).indexOf("    done \\");
        StringBuilder script = new StringBuilder("ldconfig() { [ \"$1\" = -p ] || exit 2; printf '\\t%s (libc6,x86-64) => /usr/lib/%s\\n'");
        cache.forEach(l -> script.append(' ').append(l).append(' ').append(l));
        script.append("; }\ntrue \\\n");
        lines.subList(first, last + 1).forEach(l -> script.append(l).append('\n'));
        script.append("    && echo every library is listed\n");
        return Processes.run(List.of("sh", "-s"), script.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"WOLFI", "DEBIAN", "UBUNTU"})
    void theBuildFailsWhenTheLoaderCacheLacksALibraryAnEditorsServerLoads(Distro distro) throws Exception {
        String dockerfile = render(distro).get("Dockerfile").body();
        List<String> all = List.of("libstdc++.so.6", "libXext.so.6", "libXrender.so.1", "libXtst.so.6", "libXi.so.6",
                "libfreetype.so.6");

        Processes.Result complete = runLoaderCacheCheck(dockerfile, all);
        assertThat(complete.exitCode()).as(complete.stderr()).isZero();
        assertThat(complete.stdout()).isEqualTo("every library is listed\n");
        // the cache entry left out, and the name the check reports (libstdc++ by any version)
        Map<String, String> missingAndReported = Map.of("libstdc++.so.6", "libstdc++.so", "libXtst.so.6", "libXtst.so.6",
                "libfreetype.so.6", "libfreetype.so.6");
        missingAndReported.forEach((missing, reported) -> {
            Processes.Result without = runLoaderCacheCheck(dockerfile, all.stream().filter(l -> !l.equals(missing)).toList());
            assertThat(without.exitCode()).as(missing).isEqualTo(1);
            assertThat(without.stderr()).isEqualTo("devcontainer: 'ldconfig -p' does not list " + reported + "\n");
            assertThat(without.stdout()).isEmpty();
        });
    }

    @Test
    void startupScriptChoosesNetworkingAndStorageWithOverrides() throws Exception {
        String script = render(Distro.DEBIAN).get("startup.sh").body();

        assertThat(script).contains("DOCKERD_IPTABLES", "DOCKERD_MTU", "DOCKERD_DNS", "DOCKERD_STORAGE_DRIVER",
                "-t nat -N", "794c7630", "--storage-driver=fuse-overlayfs", "--default-network-opt=bridge=com.docker.network.driver.mtu=",
                "setsid dockerd \"${dockerd_flags[@]}\"");
        assertThat(script).as("dockerd is started in one place").containsOnlyOnce("setsid dockerd");
    }

    @Test
    void extraPackagesAreInstalled() throws Exception {
        String dockerfile = render(Requests.build(Requests.sample("debian").packages(List.of("openjdk-21-jdk-headless", "maven"))))
                .get("Dockerfile").body();

        assertThat(dockerfile).containsPattern("(?m)^\\s+openjdk-21-jdk-headless \\\\$").containsPattern("(?m)^\\s+maven \\\\$");
    }

    @Test
    void aBaseImageReplacesTheDistrosDefault() throws Exception {
        String dockerfile = render(Requests.build(Requests.sample("debian").baseImage("registry.example.com:5000/mirror/debian:trixie-slim")))
                .get("Dockerfile").body();

        assertThat(dockerfile).contains("FROM registry.example.com:5000/mirror/debian:trixie-slim\n");
    }
}
