package io.github.dind.devcontainer.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class ImageSbomTest {
    private static final String IMAGE_ID = "sha256:" + "ab".repeat(32);
    private static final String BASE_DIGEST = "sha256:" + "cd".repeat(32);
    private static final ImageSbom.Subject SUBJECT = new ImageSbom.Subject(IMAGE_ID, "app-devcontainer",
            List.of("1.0.0", "latest"), List.of(new ImageSbom.BaseImage("debian:trixie", BASE_DIGEST)),
            OptionalInt.of(21), true, List.of("ghcr.io/devcontainers/features/node:1"), "0.1.0-SNAPSHOT");
    private static final String TRIXIE = "ID=debian\nVERSION_ID=\"13\"\nVERSION_CODENAME=trixie\n"
            + "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static PackageInventory debian() {
        String status = DpkgStatusTest.STATUS + "\nPackage: openjdk-21-jdk-headless\nStatus: install ok installed\n"
                + "Architecture: amd64\nSource: openjdk-21\nVersion: 21.0.9+10-1\n\n"
                + "Package: maven\nStatus: install ok installed\nArchitecture: all\nVersion: 3.9.9-1\n";
        return PackageInventory.of(Map.of(PackageInventory.DPKG_STATUS, utf8(status),
                PackageInventory.USR_OS_RELEASE, utf8(TRIXIE)));
    }

    /** The library's own schema validation (cyclonedx-core-java JsonParser, the bom-1.6 schema); returns the tree. */
    static JsonNode valid(String json) throws Exception {
        List<ParseException> problems = new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16);
        assertThat(problems).as("schema problems of\n" + json).isEmpty();
        return new ObjectMapper().readTree(json);
    }

    private static List<String> propertyValues(JsonNode component, String name) {
        List<String> values = new ArrayList<>();
        component.path("properties").forEach(p -> {
            if (p.path("name").asText().equals(name)) {
                values.add(p.path("value").asText());
            }
        });
        return values;
    }

    private static JsonNode component(JsonNode bom, String name) {
        for (JsonNode c : bom.path("components")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + bom);
    }

    @Test
    void aDebianImageValidatesAndListsItsPackagesWithPurls() throws Exception {
        JsonNode bom = valid(ImageSbom.json(SUBJECT, debian()));
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(component(bom, "libc6").path("purl").asText())
                .isEqualTo("pkg:deb/debian/libc6@2.41-12?arch=amd64&distro=debian-13");
        assertThat(component(bom, "attr").path("purl").asText())
                .isEqualTo("pkg:deb/debian/attr@1:2.5.2-3%2Bb1?arch=amd64&distro=debian-13");
        assertThat(component(bom, "attr").path("version").asText()).isEqualTo("1:2.5.2-3+b1");
        assertThat(propertyValues(component(bom, "attr"), ImageSbom.NS + "source")).containsExactly("attr 1:2.5.2-3");
        assertThat(propertyValues(component(bom, "libc6"), ImageSbom.NS + "source")).containsExactly("glibc");
        List<String> libraries = new ArrayList<>();
        bom.path("components").forEach(c -> {
            if (c.path("type").asText().equals("library")) {
                libraries.add(c.path("name").asText() + " " + c.path("version").asText());
            }
        });
        assertThat(libraries).containsExactly("attr 1:2.5.2-3+b1", "held 5.2.37-2", "libc6 2.41-12", "maven 3.9.9-1",
                "openjdk-21-jdk-headless 21.0.9+10-1");
        JsonNode os = component(bom, "debian");
        assertThat(os.path("type").asText()).isEqualTo("operating-system");
        assertThat(os.path("version").asText()).isEqualTo("13");
    }

    @Test
    void theImageIsTheSubjectAndThePluginTheTool() throws Exception {
        JsonNode bom = valid(ImageSbom.json(SUBJECT, debian()));
        JsonNode image = bom.path("metadata").path("component");
        assertThat(image.path("type").asText()).isEqualTo("container");
        assertThat(image.path("name").asText()).isEqualTo("app-devcontainer");
        assertThat(image.path("version").asText()).isEqualTo("1.0.0");
        assertThat(image.path("bom-ref").asText()).isEqualTo(IMAGE_ID);
        assertThat(image.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
        assertThat(image.path("hashes").get(0).path("content").asText()).isEqualTo("ab".repeat(32));
        assertThat(propertyValues(image, ImageSbom.NS + "tag"))
                .containsExactly("app-devcontainer:1.0.0", "app-devcontainer:latest");
        assertThat(propertyValues(image, ImageSbom.NS + "java-version")).containsExactly("21");
        assertThat(propertyValues(image, ImageSbom.NS + "maven")).containsExactly("true");
        assertThat(propertyValues(image, ImageSbom.NS + "feature")).containsExactly("ghcr.io/devcontainers/features/node:1");
        assertThat(propertyValues(image, ImageSbom.PACKAGE_DATABASE)).containsExactly("/var/lib/dpkg/status");
        JsonNode tool = bom.path("metadata").path("tools").path("components").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("devcontainer-maven-plugin");
        assertThat(tool.path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(tool.path("purl").asText()).isEqualTo("pkg:maven/io.github.dind/devcontainer-maven-plugin@0.1.0-SNAPSHOT");
    }

    @Test
    void theJdkAndMavenPackagesAreMarked() throws Exception {
        JsonNode bom = valid(ImageSbom.json(SUBJECT, debian()));
        assertThat(propertyValues(component(bom, "openjdk-21-jdk-headless"), ImageSbom.ROLE)).containsExactly("jdk");
        assertThat(propertyValues(component(bom, "maven"), ImageSbom.ROLE)).containsExactly("maven");
        assertThat(propertyValues(component(bom, "libc6"), ImageSbom.ROLE)).isEmpty();
        ImageSbom.Subject noJava = new ImageSbom.Subject(IMAGE_ID, "x", List.of(), List.of(), OptionalInt.empty(),
                false, List.of(), "1");
        assertThat(ImageSbom.role("openjdk-21-jdk-headless", noJava)).isEmpty();
        assertThat(ImageSbom.role("maven", noJava)).isEmpty();
        assertThat(ImageSbom.role("openjdk-17-jdk-headless", SUBJECT)).isEmpty();
        assertThat(ImageSbom.role("openjdk21-jdk", SUBJECT)).contains("jdk");
    }

    @Test
    void theBaseImageCarriesItsDigestOrSaysItIsUnknown() throws Exception {
        JsonNode bom = valid(ImageSbom.json(SUBJECT, debian()));
        JsonNode base = component(bom, "debian:trixie");
        assertThat(base.path("type").asText()).isEqualTo("container");
        assertThat(base.path("hashes").get(0).path("content").asText()).isEqualTo("cd".repeat(32));
        assertThat(propertyValues(base, ImageSbom.NS + "digest")).containsExactly(BASE_DIGEST);

        ImageSbom.Subject local = new ImageSbom.Subject(IMAGE_ID, "x", List.of("1"),
                List.of(new ImageSbom.BaseImage("debian:trixie", null)), OptionalInt.empty(), false, List.of(), "1");
        JsonNode unknown = component(valid(ImageSbom.json(local, debian())), "debian:trixie");
        assertThat(unknown.has("hashes")).isFalse();
        assertThat(propertyValues(unknown, ImageSbom.NS + "digest")).singleElement().asString().startsWith("unknown");
    }

    @Test
    void aListedImageSaysItsListIsIncompleteOutsideThePackageManager() throws Exception {
        JsonNode composition = valid(ImageSbom.json(SUBJECT, debian())).path("compositions").get(0);
        assertThat(composition.path("aggregate").asText()).isEqualTo("incomplete");
        assertThat(composition.path("assemblies").get(0).asText()).isEqualTo(IMAGE_ID);
    }

    @Test
    void anImageWithoutAPackageDatabaseSaysWhatItCouldNotList() throws Exception {
        PackageInventory none = PackageInventory.of(Map.of(PackageInventory.ETC_OS_RELEASE, utf8(TRIXIE)));
        assertThat(none.complete()).isFalse();
        JsonNode bom = valid(ImageSbom.json(SUBJECT, none));
        assertThat(bom.path("compositions").get(0).path("aggregate").asText()).isEqualTo("unknown");
        assertThat(bom.path("compositions").get(0).path("assemblies").get(0).asText()).isEqualTo(IMAGE_ID);
        assertThat(propertyValues(bom.path("metadata").path("component"), ImageSbom.UNLISTED)).singleElement().asString()
                .contains("/var/lib/dpkg/status", "/lib/apk/db/installed", "distroless");
        assertThat(propertyValues(bom.path("metadata").path("component"), ImageSbom.PACKAGE_DATABASE)).isEmpty();
        bom.path("components").forEach(c -> assertThat(c.path("type").asText()).isNotEqualTo("library"));
    }

    @Test
    void anEmptyDatabaseIsNoCompleteList() {
        PackageInventory empty = PackageInventory.of(Map.of(PackageInventory.DPKG_STATUS, utf8("")));
        assertThat(empty.complete()).isFalse();
        assertThat(empty.unlisted()).isEqualTo("/var/lib/dpkg/status lists no installed package");
    }

    @Test
    void anAlpineImage() throws Exception {
        PackageInventory alpine = PackageInventory.of(Map.of(PackageInventory.APK_INSTALLED, utf8(ApkInstalledTest.INSTALLED),
                PackageInventory.ETC_OS_RELEASE, utf8("ID=alpine\nVERSION_ID=3.21.2\n")));
        JsonNode bom = valid(ImageSbom.json(SUBJECT, alpine));
        assertThat(component(bom, "libstdc++").path("purl").asText()).isEqualTo("pkg:apk/alpine/libstdc%2B%2B@14.2.0-r4?arch=x86_64");
        assertThat(component(bom, "musl").path("licenses").get(0).path("license").path("name").asText()).isEqualTo("MIT");
        assertThat(propertyValues(bom.path("metadata").path("component"), ImageSbom.PACKAGE_DATABASE))
                .containsExactly("/lib/apk/db/installed");
    }

    @Test
    void aWolfiImageIsNamespacedWolfi() {
        PackageInventory wolfi = PackageInventory.of(Map.of(PackageInventory.APK_INSTALLED, utf8("P:glibc\nV:2.42-r0\nA:x86_64\n"),
                PackageInventory.USR_OS_RELEASE, utf8("ID=wolfi\nNAME=\"Wolfi\"\nPRETTY_NAME=\"Wolfi\"\n")));
        assertThat(wolfi.purl(wolfi.packages().get(0))).isEqualTo("pkg:apk/wolfi/glibc@2.42-r0?arch=x86_64");
    }

    @Test
    void aDistrolessImageIsReadFromStatusD() throws Exception {
        PackageInventory distroless = PackageInventory.of(Map.of(
                PackageInventory.DPKG_STATUS_D + "/base-files", utf8("Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n"),
                PackageInventory.DPKG_STATUS_D + "/libc6", utf8("Package: libc6\nVersion: 2.36-9+deb12u4\nArchitecture: amd64\n"),
                PackageInventory.DPKG_STATUS_D + "/libc6.md5sums", utf8("0123  lib/x86_64-linux-gnu/libc.so.6\n"),
                PackageInventory.ETC_OS_RELEASE, utf8("ID=debian\nVERSION_ID=\"12\"\n")));
        assertThat(distroless.complete()).isTrue();
        assertThat(distroless.databases()).containsExactly("/var/lib/dpkg/status.d/base-files", "/var/lib/dpkg/status.d/libc6");
        assertThat(distroless.packages()).extracting(OsPackage::name).containsExactly("base-files", "libc6");
        valid(ImageSbom.json(SUBJECT, distroless));
    }

    @Test
    void thePackageRecordedTwiceIsOneComponent() throws Exception {
        String libc = "Package: libc6\nVersion: 2.41-12\nArchitecture: amd64\n";
        PackageInventory twice = PackageInventory.of(Map.of(PackageInventory.DPKG_STATUS, utf8(libc),
                PackageInventory.DPKG_STATUS_D + "/libc6", utf8(libc)));
        JsonNode bom = valid(ImageSbom.json(SUBJECT, twice));
        assertThat(bom.path("components").findValuesAsText("name")).containsOnlyOnce("libc6");
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws Exception {
        // the check above can fail: an unknown component type and a malformed hash are schema errors
        String json = ImageSbom.json(SUBJECT, debian()).replace("\"type\" : \"operating-system\"", "\"type\" : \"os-package\"");
        assertThat(json).contains("os-package");
        assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        assertThat(valid(ImageSbom.json(SUBJECT, debian())).path("metadata").has("timestamp")).isFalse();
        assertThat(ImageSbom.json(SUBJECT, debian())).isEqualTo(ImageSbom.json(SUBJECT, debian()));
        ImageSbom.Subject other = new ImageSbom.Subject("sha256:" + "ef".repeat(32), "app-devcontainer", List.of("1.0.0"),
                List.of(), OptionalInt.empty(), false, List.of(), "0.1.0-SNAPSHOT");
        assertThat(ImageSbom.bom(other, debian()).getSerialNumber()).isNotEqualTo(ImageSbom.bom(SUBJECT, debian()).getSerialNumber());
    }
}
