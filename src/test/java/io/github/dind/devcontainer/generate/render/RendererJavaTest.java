package io.github.dind.devcontainer.generate.render;

import io.github.dind.devcontainer.generate.request.JdkCatalog;
import io.github.dind.devcontainer.generate.files.CaCertificateFiles;
import io.github.dind.devcontainer.generate.files.GeneratedFileMarker;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dind.devcontainer.generate.request.GenerateRequest;
import io.github.dind.devcontainer.generate.request.Distro;
import io.github.dind.devcontainer.devcontainer.JavaExpectations;
import io.github.dind.devcontainer.generate.request.JavaToolchain;
import io.github.dind.devcontainer.testing.DevcontainerSchema;
import io.github.dind.devcontainer.testing.Jsonc;
import io.github.dind.devcontainer.testing.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java part of the generated files: JDK, Maven, ~/.m2, CA certificates, editor set-up. */
class RendererJavaTest {
    private static final Path TEST_CA = Path.of("src/test/resources/certs/test-ca.pem");
    private static final JavaToolchain.ProjectJava RELEASE_17 = new JavaToolchain.ProjectJava(17, "the pom");

    private static Map<String, String> render(GenerateRequest.Builder builder) throws TemplateException {
        return new Renderer(null).render(Requests.build(builder)).stream()
                .collect(Collectors.toMap(GeneratedFile::fileName, GeneratedFile::body));
    }

    private static GenerateRequest.Builder everything(Distro distro) {
        return Requests.sample(distro.id()).projectJava(RELEASE_17).remoteUser("dev").mavenSettings(true)
                .caCertificates(List.of(TEST_CA)).extensions(List.of("redhat.vscode-xml"))
                .jetbrainsPlugins(List.of("org.intellij.plugins.hcl", "com.github.l34130.mise"))
                .forwardPorts(List.of("8080", "db:5432"));
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void everyOptionOnIsStillValidAgainstTheOfficialSchema(Distro distro) throws Exception {
        String json = render(everything(distro)).get("devcontainer.json");

        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        JsonNode config = Jsonc.parse(json);
        // the /var/lib/docker volume is the dind Feature's (dind/devcontainer-feature.json)
        assertThat(config.path("mounts")).hasSize(2);
        assertThat(config.path("mounts").path(0).path("source").textValue()).isEqualTo("devcontainer-m2-${devcontainerId}");
        assertThat(config.path("mounts").path(0).path("target").textValue()).isEqualTo("/home/dev/.m2/repository");
        assertThat(config.path("mounts").path(1).textValue()).isEqualTo("type=bind,source=${localEnv:HOME}"
                + "${localEnv:USERPROFILE}/.m2/settings.xml,target=/home/dev/.m2/settings.xml,readonly");
        assertThat(config.path("initializeCommand")).extracting(JsonNode::textValue)
                .containsExactly("${localWorkspaceFolder}/.devcontainer/maven-settings");
        assertThat(config.path("forwardPorts").get(0).isInt()).isTrue();
        assertThat(config.path("forwardPorts").get(1).textValue()).isEqualTo("db:5432");
        assertThat(config.path("customizations").path("vscode").path("extensions")).extracting(JsonNode::textValue)
                .containsExactly("vscjava.vscode-java-pack", "ms-azuretools.vscode-containers", "redhat.vscode-xml");
        if (distro.jetbrainsBackend()) {
            assertThat(config.path("customizations").path("jetbrains").path("backend").textValue()).isEqualTo("IntelliJ");
            assertThat(config.path("customizations").path("jetbrains").path("plugins")).extracting(JsonNode::textValue)
                    .containsExactly("org.intellij.plugins.hcl", "com.github.l34130.mise");
        } else {
            assertThat(config.path("customizations").has("jetbrains")).as("JetBrains IDEs cannot open alpine").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"WOLFI", "DEBIAN", "UBUNTU"})
    void jetbrainsIdesGetTheIntellijBackendAndNoPluginListByDefault(Distro distro) throws Exception {
        String json = render(Requests.sample(distro.id())).get("devcontainer.json");

        assertThat(DevcontainerSchema.problems(json)).isEmpty();
        JsonNode jetbrains = Jsonc.parse(json).path("customizations").path("jetbrains");
        assertThat(jetbrains.path("backend").textValue()).isEqualTo("IntelliJ");
        assertThat(jetbrains.has("plugins")).isFalse();
        assertThat(jetbrains.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void withNothingJavaTheFileStaysValidAndMountsOnlyTheDockerVolume(Distro distro) throws Exception {
        Map<String, String> files = render(Requests.sample(distro.id()).javaVersion("none"));

        assertThat(DevcontainerSchema.problems(files.get("devcontainer.json"))).isEmpty();
        assertThat(Jsonc.parse(files.get("devcontainer.json")).has("mounts")).isFalse();
        assertThat(Jsonc.parse(files.get("dind/devcontainer-feature.json")).path("mounts")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void theJdkGetsOneJavaHomeAndTheBuildChecksJavacAndMvn(Distro distro) throws Exception {
        String dockerfile = render(Requests.sample(distro.id()).projectJava(RELEASE_17)).get("Dockerfile");
        JdkCatalog.Jdk jdk = JavaToolchain.choose(distro, null, RELEASE_17).jdk().orElseThrow();

        assertThat(dockerfile).contains("ENV JAVA_HOME=\"/usr/lib/jvm/java-" + jdk.version() + "-openjdk\"")
                .containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(jdk.packageName()) + "( \\\\)?$")
                .containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(JdkCatalog.mavenPackage(distro)) + "( \\\\)?$")
                .contains(" java javac mvn; do");
        assertThat(dockerfile.contains("dpkg --print-architecture"))
                .isEqualTo(distro.packageManager() == io.github.dind.devcontainer.generate.request.PackageManager.APT);
        assertThat(dockerfile).contains("RUN mkdir -p \"/root/.m2/repository\"");
    }

    @Test
    void aNonRootUserOwnsItsLocalRepository() throws Exception {
        String dockerfile = render(Requests.sample("debian").projectJava(RELEASE_17).remoteUser("dev")).get("Dockerfile");

        assertThat(dockerfile).contains("RUN mkdir -p \"/home/dev/.m2/repository\" && chown -R \"dev:dev\" \"/home/dev/.m2\"");
        assertThat(dockerfile.indexOf("useradd")).isLessThan(dockerfile.indexOf("/home/dev/.m2/repository"));
    }

    @Test
    void apkTrustsTheCaBeforeFetchingAndAptAfterInstalling() throws Exception {
        String wolfi = render(everything(Distro.WOLFI)).get("Dockerfile");
        String debian = render(everything(Distro.DEBIAN)).get("Dockerfile");

        assertThat(wolfi.indexOf("COPY ca-certificates/ /usr/local/share/ca-certificates/"))
                .isGreaterThan(0).isLessThan(wolfi.indexOf("apk add"));
        assertThat(wolfi.indexOf(">> /etc/ssl/certs/ca-certificates.crt")).isLessThan(wolfi.indexOf("apk add"));
        // the package layer stays the same with or without CAs on apt: one cache for every image
        assertThat(debian.indexOf("COPY ca-certificates/")).isGreaterThan(debian.indexOf("apt-get install"));
        for (String dockerfile : List.of(wolfi, debian)) {
            assertThat(dockerfile.indexOf("RUN update-ca-certificates")).isGreaterThan(dockerfile.indexOf("ENV JAVA_HOME"));
            assertThat(dockerfile).contains("for fingerprint in 4B:D9:8A:3A:D8:A4:F9:80:7F:5D:22:DF:1C:B1:B2:55:92:E0:38:83"
                    + ":F6:E6:4B:40:71:37:83:95:13:26:DA:D3; do");
        }
    }

    @Test
    void withoutCaCertificatesNothingIsCopied() throws Exception {
        assertThat(render(Requests.sample("wolfi").projectJava(RELEASE_17)).get("Dockerfile"))
                .doesNotContain("ca-certificates/").doesNotContain("update-ca-certificates");
    }

    @Test
    void verifyReadsBackWhatGenerateRecorded(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("devcontainer.json"),
                GeneratedFileMarker.stamp(new Renderer(null).render(Requests.build(everything(Distro.ALPINE))).stream()
                        .filter(f -> f.fileName().equals("devcontainer.json")).findFirst().orElseThrow()));

        JavaExpectations expectations = JavaExpectations.read(file);

        assertThat(expectations.javaVersion()).isEqualTo(OptionalInt.of(17));
        assertThat(expectations.maven()).isTrue();
        assertThat(expectations.localRepository()).contains("/home/dev/.m2/repository");

        Path none = Files.writeString(folder.resolve("none.json"), render(Requests.sample("debian").javaVersion("none"))
                .get("devcontainer.json"));
        assertThat(JavaExpectations.read(none).any()).isFalse();
    }

    @Test
    void caCertificateFilesFollowTheParameter(@TempDir Path context) throws Exception {
        GenerateRequest spec = Requests.build(Requests.sample("debian").caCertificates(List.of(TEST_CA)));
        CaCertificateFiles files = new CaCertificateFiles(context);

        assertThat(files.sync(spec.caCertificates())).containsExactly("ca-certificates/test-ca.crt written");
        assertThat(files.sync(spec.caCertificates())).isEmpty();
        Path written = context.resolve("ca-certificates/test-ca.crt");
        assertThat(Files.readString(written)).isEqualTo(spec.caCertificates().get(0).pem());
        assertThat(Files.getPosixFilePermissions(written)).extracting(Function.identity()).hasSize(4);

        assertThat(files.sync(List.of())).containsExactly("ca-certificates/test-ca.crt removed");
        assertThat(context.resolve("ca-certificates")).doesNotExist();
    }

    @Test
    void severalJdksAreLinkedListedInToolchainsXmlAndTheDefaultComesFirstOnThePath(@TempDir Path folder) throws Exception {
        Map<String, String> files = render(Requests.sample("debian").projectJava(RELEASE_17).toolchains(List.of("25"))
                .remoteUser("dev"));
        String dockerfile = files.get("Dockerfile");

        assertThat(dockerfile).contains("RUN ln -sfn \"java-21-openjdk-$(dpkg --print-architecture)\" \"/usr/lib/jvm/java-21-openjdk\" \\\n"
                        + "    && ln -sfn \"java-25-openjdk-$(dpkg --print-architecture)\" \"/usr/lib/jvm/java-25-openjdk\"\n")
                .contains("ENV JAVA_HOME=\"/usr/lib/jvm/java-21-openjdk\"\n")
                .contains("ENV PATH=\"/usr/lib/jvm/java-21-openjdk/bin:${PATH}\"")
                .contains("echo 'export PATH=\"$JAVA_HOME/bin:$PATH\"' > /etc/profile.d/devcontainer-java.sh")
                .contains("for version in 21 25; do")
                .contains("} > \"/home/dev/.m2/toolchains.xml\" \\\n    && chown -R \"dev:dev\" \"/home/dev/.m2\"");
        assertThat(dockerfile.indexOf("toolchains.xml")).isGreaterThan(dockerfile.indexOf("useradd"));

        Path file = Files.writeString(folder.resolve("devcontainer.json"), files.get("devcontainer.json"));
        assertThat(DevcontainerSchema.problems(files.get("devcontainer.json"))).isEmpty();
        assertThat(JavaExpectations.read(file).toolchains()).containsExactly(21, 25);
    }

    @Test
    void oneJdkIsListedInToolchainsXmlWithoutChangingThePathOrAskingVerifyForToolchains() throws Exception {
        Map<String, String> files = render(Requests.sample("debian").projectJava(RELEASE_17));
        String dockerfile = files.get("Dockerfile");

        assertThat(dockerfile).contains("for version in 21; do").contains("} > \"/root/.m2/toolchains.xml\"\n")
                .doesNotContain("ENV PATH=").doesNotContain("profile.d");
        // a project that asks for no toolchains: verify does not require the file (an own Dockerfile template may lack it)
        assertThat(files.get("devcontainer.json")).doesNotContain("\"toolchains\"");
        assertThat(render(Requests.sample("debian").projectJava(RELEASE_17).toolchainRequirements(List.of(
                new JavaToolchain.Requirement("21", null, "a plugin's <jdkToolchain>", v -> v == 21))))
                .get("devcontainer.json")).contains("\"toolchains\": [\"21\"],");
        assertThat(render(Requests.sample("debian").javaVersion("none")).get("Dockerfile")).doesNotContain("toolchains.xml");
    }

    @Test
    void theSettingsMountComesWithTheHostScriptsThatCreateAMissingFileAndOnlyThen() throws Exception {
        Map<String, String> with = render(Requests.sample("debian").mavenSettings(true).devcontainerFolder("tools/devcontainer"));
        Map<String, String> without = render(Requests.sample("debian"));

        assertThat(with).containsKeys("maven-settings", "maven-settings.cmd");
        assertThat(Jsonc.parse(with.get("devcontainer.json")).path("initializeCommand")).extracting(JsonNode::textValue)
                .containsExactly("${localWorkspaceFolder}/tools/devcontainer/maven-settings");
        assertThat(with.get("maven-settings.cmd")).startsWith("@echo off\n")
                .contains("if exist \"%settings%\" exit /b 0");
        assertThat(with.get(".gitattributes")).contains("*.cmd text eol=crlf", "maven-settings text eol=lf");
        assertThat(without).doesNotContainKeys("maven-settings", "maven-settings.cmd");
        assertThat(Jsonc.parse(without.get("devcontainer.json")).has("initializeCommand")).isFalse();
    }
}
