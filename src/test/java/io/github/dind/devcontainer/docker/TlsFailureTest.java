package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** What JSSE throws, as a user reads it. The IT build-over-tls meets the untrusted case for real. */
class TlsFailureTest {
    private static final String WHERE = "tcp://127.0.0.1:2376 (from DOCKER_HOST)";
    private static final String MATERIAL = "/certs (from DOCKER_CERT_PATH)";

    @Test
    void anUntrustedDaemonCertificateNamesTheHostTheCaAndWhereItCameFrom() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertPathValidatorException("unable to find valid certification path to requested target"));

        assertThat(TlsFailure.explain(new UncheckedIOException(handshake), WHERE, MATERIAL)).hasValueSatisfying(message ->
                assertThat(message).contains("daemon at " + WHERE + " is not trusted")
                        .contains("the CA in ca.pem (TLS material: " + MATERIAL + ") did not sign it"));
    }

    @Test
    void aCertificateForAnotherAddressSaysSo() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative names");
        handshake.initCause(new CertificateException("No subject alternative names matching IP address 10.0.0.5 found"));

        assertThat(TlsFailure.explain(handshake, WHERE, MATERIAL)).hasValueSatisfying(message ->
                assertThat(message).contains("was refused: No subject alternative names matching IP address 10.0.0.5")
                        .contains("subjectAltName"));
    }

    @Test
    void aCertificateTheTransportDoesNotMatchToTheHostNameSaysSo() {
        SSLPeerUnverifiedException peer = new SSLPeerUnverifiedException(
                "Certificate for <localhost> doesn't match common name of the certificate subject: 127.0.0.1");

        assertThat(TlsFailure.explain(peer, WHERE, MATERIAL)).hasValueSatisfying(message ->
                assertThat(message).contains("was refused: Certificate for <localhost> doesn't match").contains("subjectAltName"));
    }

    @Test
    void aRefusedClientCertificateIsAHandshakeFailure() {
        assertThat(TlsFailure.explain(new SSLHandshakeException("Received fatal alert: bad_certificate"), WHERE, MATERIAL))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("TLS handshake with the Docker daemon at " + WHERE + " failed: Received fatal alert")
                        .contains("client certificate"));
    }

    @Test
    void aTlsDaemonAskedInPlainHttpAsksForTheMaterial() {
        RuntimeException badRequest = new RuntimeException("Status 400: Client sent an HTTP request to an HTTPS server.\n");

        assertThat(TlsFailure.explainPlain(badRequest, WHERE)).hasValueSatisfying(message ->
                assertThat(message).contains(WHERE + " speaks TLS").contains("DOCKER_TLS_VERIFY=1"));
    }

    @Test
    void otherFailuresAreNotAboutTls() {
        IOException refused = new IOException("Connection refused");

        assertThat(TlsFailure.explain(refused, WHERE, MATERIAL)).isEmpty();
        assertThat(TlsFailure.explainPlain(refused, WHERE)).isEmpty();
    }
}
