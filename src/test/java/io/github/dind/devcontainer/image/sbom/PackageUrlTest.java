package io.github.dind.devcontainer.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageUrlTest {
    @Test
    void theSpecificationsDebExamples() {
        // package-url/purl-spec types/deb-definition.json
        assertThat(PackageUrl.of("deb", "debian", "curl", "7.50.3-1", Map.of("arch", "i386", "distro", "jessie")))
                .isEqualTo("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie");
        assertThat(PackageUrl.of("deb", "debian", "attr", "1:2.4.47-2+b1", Map.of("arch", "amd64")))
                .isEqualTo("pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64");
    }

    @Test
    void theSpecificationsApkExample() {
        // package-url/purl-spec types/apk-definition.json
        assertThat(PackageUrl.of("apk", "alpine", "curl", "7.83.0-r0", Map.of("arch", "x86")))
                .isEqualTo("pkg:apk/alpine/curl@7.83.0-r0?arch=x86");
    }

    @Test
    void namesAndVendorsAreLowerCasedAndEncoded() {
        assertThat(PackageUrl.of("apk", "Wolfi", "libstdc++", "14.2.0-r4", Map.of()))
                .isEqualTo("pkg:apk/wolfi/libstdc%2B%2B@14.2.0-r4");
    }

    @Test
    void anEpochsColonStaysAndEmptyQualifiersAreLeftOut() {
        java.util.Map<String, String> qualifiers = new java.util.HashMap<>();
        qualifiers.put("distro", null);
        qualifiers.put("arch", "");
        assertThat(PackageUrl.of("deb", "debian", "libgcrypt20", "1:1.11.0-7", qualifiers))
                .isEqualTo("pkg:deb/debian/libgcrypt20@1:1.11.0-7");
    }

    @Test
    void nonAsciiIsPercentEncodedAsUtf8() {
        assertThat(PackageUrl.encode("a b/é?")).isEqualTo("a%20b%2F%C3%A9%3F");
    }
}
