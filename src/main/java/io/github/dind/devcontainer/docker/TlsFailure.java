package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.Errors;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says in words what a failed TLS connection to a Docker daemon means. JSSE reports an untrusted
 * daemon certificate as "unable to find valid certification path to requested target" and a client
 * certificate the daemon refused as a bare alert, and the transport a certificate for another address
 * as {@link SSLPeerUnverifiedException}; none of them names the daemon, the CA file or where
 * that file came from ({@code DOCKER_CERT_PATH}, a Docker context), which is what a user must fix.
 */
final class TlsFailure {
    private TlsFailure() {
    }

    /**
     * @param failure what the first request to the daemon threw
     * @param where the daemon and where its address came from, as {@link DockerConnector#where} says it
     * @param material the directory of {@code ca.pem}/{@code cert.pem}/{@code key.pem} and where it came
     *     from (e.g. {@code /home/me/.docker/certs (from DOCKER_CERT_PATH)}), or null when TLS is not configured
     * @return the explanation, or empty when the failure is not about TLS
     */
    static Optional<String> explain(Throwable failure, String where, String material) {
        Throwable tls = find(failure, SSLException.class);
        if (tls == null) {
            return Optional.empty();
        }
        String from = material == null ? "" : " (TLS material: " + material + ")";
        if (find(failure, CertPathValidatorException.class) != null || find(failure, CertPathBuilderException.class) != null) {
            return Optional.of("The TLS certificate of the Docker daemon at " + where + " is not trusted: the CA in ca.pem"
                    + from + " did not sign it. Use the ca.pem of the CA that signed the daemon's certificate (the"
                    + " file its dockerd --tlscacert names), or the TLS material of a context made for that daemon"
                    + " (docker context create --docker host=...,ca=...,cert=...,key=...).");
        }
        Throwable certificate = find(failure, SSLPeerUnverifiedException.class);
        certificate = certificate != null ? certificate : find(failure, CertificateException.class);
        if (certificate != null) {
            return Optional.of("The TLS certificate of the Docker daemon at " + where + " was refused: "
                    + Errors.rootMessage(certificate) + from + ". Reach the daemon by a name or address its certificate"
                    + " lists (subjectAltName), or give it a certificate for the address you use.");
        }
        return Optional.of("The TLS handshake with the Docker daemon at " + where + " failed: " + Errors.rootMessage(tls)
                + from + ". The daemon may not accept the client certificate (cert.pem, which its --tlscacert CA must"
                + " have signed), or may not speak TLS on that port.");
    }

    /**
     * A daemon that only speaks TLS answers a plain HTTP request with 400 "Client sent an HTTP request
     * to an HTTPS server." (Go's net/http); the fix is on the client side.
     *
     * @return the explanation, or empty when the failure is something else
     */
    static Optional<String> explainPlain(Throwable failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("HTTP request to an HTTPS server")) {
                return Optional.of("The Docker daemon at " + where + " speaks TLS, but no TLS material is configured:"
                        + " set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory with its ca.pem, cert.pem and"
                        + " key.pem, or use a Docker context that carries them (docker context create --docker"
                        + " host=...,ca=...,cert=...,key=...).");
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
