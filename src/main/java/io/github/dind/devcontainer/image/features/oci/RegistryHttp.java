package io.github.dind.devcontainer.image.features.oci;

import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The plain HTTP exchanges with a registry and its token server (JDK {@link HttpClient}), each bounded:
 * the connection within {@link #connectTimeout}, the whole answer (headers and body) within
 * {@link #requestTimeout}, the body within a byte limit the caller gives. TLS is the given context's
 * (the JVM's trust store in a build), never switched off. Proxies: the JVM's
 * ({@code -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}). Redirects (a registry sends blobs to its
 * storage) are followed up to {@value #MAX_REDIRECTS} times, never from HTTPS to HTTP, and the
 * {@code Authorization} header goes only to the origin it was made for (as follow-redirects, which
 * the devcontainer CLI uses, drops it for another host). Failures become a sentence with the fix.
 */
final class RegistryHttp {
    /** Redirects followed for one request. */
    static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "devcontainer-maven-plugin";

    /** An answer: its status, headers and body. */
    record Response(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    /** Where the user wrote the registry's name, for the fix in a message, e.g. {@code devcontainer.json}. */
    private final String namedIn;

    /** A client for the Features devcontainer.json names. */
    RegistryHttp(SSLContext ssl, Duration connectTimeout, Duration requestTimeout) {
        this(ssl, connectTimeout, requestTimeout, "devcontainer.json");
    }

    /**
     * @param ssl the TLS context (its trust managers decide which certificates are accepted)
     * @param connectTimeout how long a connection may take
     * @param requestTimeout how long a whole answer may take, its body included
     * @param namedIn where the user wrote the registry's name, for messages ({@code devcontainer.json}, {@code baseImage})
     */
    RegistryHttp(SSLContext ssl, Duration connectTimeout, Duration requestTimeout, String namedIn) {
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(ssl).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.http = builder.build();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.namedIn = namedIn;
    }

    /**
     * GET, following redirects.
     *
     * @param accept the Accept header; null for none
     * @param authorization the Authorization header for {@code uri}'s origin; null for none
     * @param limit the most body bytes accepted
     * @throws RegistryException when no answer came, or a redirect leads to plain HTTP or goes on too long
     */
    Response get(URI uri, String accept, String authorization, long limit) throws RegistryException {
        URI current = uri;
        String header = authorization;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET();
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (header != null) {
                request.header("Authorization", header);
            }
            Response response = send(request, limit);
            String location = response.header("Location");
            if (response.status() < 300 || response.status() > 308 || location == null) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new RegistryException("more than " + MAX_REDIRECTS + " redirects from " + uri + " (the last to " + location + ")");
            }
            URI next = current.resolve(location);
            if ("https".equals(current.getScheme()) && !"https".equals(next.getScheme())) {
                throw new RegistryException(current + " redirects to " + next + ", which is not HTTPS: refused");
            }
            if (!origin(next).equals(origin(current))) {
                header = null;
            }
            current = next;
        }
    }

    /** POST a form ({@code application/x-www-form-urlencoded}), not following redirects. */
    Response postForm(URI uri, String form, long limit) throws RegistryException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), limit);
    }

    private Response send(HttpRequest.Builder builder, long limit) throws RegistryException {
        HttpRequest request = builder.timeout(requestTimeout).header("User-Agent", USER_AGENT).build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> new LimitedBody(limit));
        try {
            HttpResponse<byte[]> response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw tooSlow(request.uri(), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while asking " + request.uri(), e);
        } catch (ExecutionException e) {
            throw explain(request.uri(), e.getCause());
        }
    }

    /** A failed exchange as a sentence that says what to fix. */
    RegistryException explain(URI uri, Throwable failure) {
        String host = origin(uri);
        String detail = String.valueOf(failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || String.valueOf(t.getMessage()).contains("PKIX")) {
                return new RegistryException(host + " presented a TLS certificate this JVM does not accept (" + rootMessage(failure)
                        + "). For a registry whose certificate comes from a private CA, give Maven's JVM a trust store that"
                        + " holds the CA beside the public ones (a copy of the JDK's lib/security/cacerts with the CA imported"
                        + " by keytool -importcert): -Djavax.net.ssl.trustStore=/path/to/truststore"
                        + " -Djavax.net.ssl.trustStorePassword=... in MAVEN_OPTS or .mvn/jvm.config", failure);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new RegistryException("the host " + uri.getHost() + " is unknown (no address for it): check the"
                        + " registry's name in " + namedIn + ", and the network", failure);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new RegistryException("no connection to " + host + " within " + connectTimeout.toSeconds()
                        + " s: check the registry's name and port, the network, or the proxy (-Dhttps.proxyHost)", failure);
            }
        }
        if (failure instanceof HttpTimeoutException) {
            return tooSlow(uri, failure); // the request's own timeout, for the headers: the same bound
        }
        if (failure instanceof ConnectException) {
            // the JDK's client says "Connection refused", or nothing (a ClosedChannelException below)
            String why = failure.getMessage() != null && !failure.getMessage().isBlank() ? failure.getMessage() : "connection refused";
            return new RegistryException("nothing answers at " + host + " (" + why + "): check the"
                    + " registry's name and port in " + namedIn + ", and that the registry runs", failure);
        }
        if (failure instanceof SSLException) {
            String hint = detail.toLowerCase(Locale.ROOT).contains("unrecognized ssl message")
                    || detail.toLowerCase(Locale.ROOT).contains("plaintext") ? " (does it speak plain HTTP? devcontainer clients"
                    + " speak HTTPS to every registry but localhost)" : "";
            return new RegistryException("the TLS connection to " + host + " failed: " + rootMessage(failure) + hint, failure);
        }
        if (failure instanceof LimitedBody.TooLarge) {
            return new RegistryException(host + " answered " + uri.getPath() + " with more than this plugin accepts: "
                    + failure.getMessage(), failure);
        }
        return new RegistryException("the exchange with " + host + " failed: " + rootMessage(failure), failure);
    }

    private RegistryException tooSlow(URI uri, Throwable failure) {
        return new RegistryException(origin(uri) + " did not answer " + uri.getPath() + " completely within "
                + requestTimeout.toSeconds() + " s: check the network, or the proxy (-Dhttps.proxyHost)", failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** {@code scheme://host:port}, the port made explicit. */
    static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }
}
