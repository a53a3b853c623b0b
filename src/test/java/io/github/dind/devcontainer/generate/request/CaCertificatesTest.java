package io.github.dind.devcontainer.generate.request;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaCertificatesTest {
    static final Path TEST_CA = Path.of("src/test/resources/certs/test-ca.pem");
    static final Path BUNDLE = Path.of("src/test/resources/certs/bundle-of-two.pem");
    /** `openssl x509 -in test-ca.pem -noout -fingerprint -sha256`. */
    static final String TEST_CA_FINGERPRINT =
            "4B:D9:8A:3A:D8:A4:F9:80:7F:5D:22:DF:1C:B1:B2:55:92:E0:38:83:F6:E6:4B:40:71:37:83:95:13:26:DA:D3";

    private final List<CaCertificates.Problem> problems = new ArrayList<>();

    @Test
    void aPemFileGivesItsCertificateReEncodedWithKeytoolsFingerprint() throws Exception {
        List<CaCertificates.CaCertificate> certs = CaCertificates.read(List.of(TEST_CA), problems);

        assertThat(problems).isEmpty();
        assertThat(certs).singleElement().satisfies(c -> {
            assertThat(c.fileName()).isEqualTo("test-ca.crt");
            assertThat(c.sha256Fingerprint()).isEqualTo(TEST_CA_FINGERPRINT);
            assertThat(c.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        });
    }

    @Test
    void aBundleGivesEachCertificateAndTextAroundThemIsDropped() {
        List<CaCertificates.CaCertificate> certs = CaCertificates.read(List.of(BUNDLE), problems);

        assertThat(problems).isEmpty();
        assertThat(certs).extracting(CaCertificates.CaCertificate::fileName)
                .containsExactly("bundle-of-two.crt", "bundle-of-two-2.crt");
        assertThat(certs).allSatisfy(c -> assertThat(c.pem()).doesNotContain("RFC 7468"));
    }

    @Test
    void aFolderGivesItsCrtAndPemFilesOnceEach(@TempDir Path folder) throws Exception {
        Files.copy(TEST_CA, folder.resolve("corp.crt"));
        Files.copy(BUNDLE, folder.resolve("more.pem"));
        Files.writeString(folder.resolve("README.txt"), "not a certificate");

        List<CaCertificates.CaCertificate> certs = CaCertificates.read(List.of(folder), problems);

        assertThat(problems).isEmpty();
        // more.pem repeats corp.crt's CA: kept once
        assertThat(certs).extracting(CaCertificates.CaCertificate::fileName).containsExactly("corp.crt", "more.crt");
    }

    @Test
    void anEmptyFolderAddsNothing(@TempDir Path folder) {
        assertThat(CaCertificates.read(List.of(folder), problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void unreadableOrWrongFilesAreProblems(@TempDir Path folder) throws Exception {
        Path missing = folder.resolve("missing.crt");
        Path text = Files.writeString(folder.resolve("notes.crt"), "hello");
        Path key = Files.writeString(folder.resolve("key.pem"), Files.readString(TEST_CA)
                + "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
        Path broken = Files.writeString(folder.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n"
                + "-----END CERTIFICATE-----\n");

        assertThat(CaCertificates.read(List.of(missing, text, key, broken), problems)).isEmpty();

        assertThat(problems).extracting(CaCertificates.Problem::source)
                .containsExactly(missing.toString(), text.toString(), key.toString(), broken.toString());
        assertThat(problems.get(0).rule()).startsWith("a PEM file that can be read");
        assertThat(problems.get(1).rule()).contains("-----BEGIN CERTIFICATE-----");
        assertThat(problems.get(2).rule()).contains("private key");
        assertThat(problems.get(3).rule()).startsWith("a PEM file of X.509 certificates");
    }
}
