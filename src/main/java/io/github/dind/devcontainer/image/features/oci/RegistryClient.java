package io.github.dind.devcontainer.image.features.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.image.registry.RegistryAuthException;
import io.github.dind.devcontainer.image.registry.RegistryCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Reads from an OCI registry's API (OCI distribution spec, "Pulling manifests", "Pulling blobs"),
 * authenticating as devcontainers/cli does (httpOCIRegistry.ts {@code requestEnsureAuthenticated},
 * {@code fetchRegistryBearerToken}): each request first goes anonymously, or with the header that
 * worked for the registry before; on 401 or 403 the {@code WWW-Authenticate} challenge says how:
 * {@code Basic} sends the login ({@link RegistryLogins}); {@code Bearer} gets a token from the realm
 * (GET {@code realm?service=&scope=} with the login as Basic, or POST a {@code refresh_token} grant for
 * an identity token; a token server that refuses the login is asked again anonymously, as the CLI
 * does), then the request is sent again once. Timeouts and limits: {@link RegistryHttp}.
 *
 * <p>Its length is that flow, followed step by step, and one message per way it ends (no login, a
 * refused login, a refused token login, unknown, another status), each naming where the login came from.
 */
public final class RegistryClient {
    /** How long a connection to a registry may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one answer may take, its body included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long TOKEN_LIMIT = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegistryHttp http;
    private final RegistryLogins logins;
    private final Console console;
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private final Map<String, RegistryCredentials> used = new ConcurrentHashMap<>();
    private final Map<String, RegistryCredentials> refused = new ConcurrentHashMap<>();

    private final String namedIn;

    /** A client with its own TLS context and timeouts (tests), for the Features devcontainer.json names. */
    public RegistryClient(SSLContext ssl, Duration connectTimeout, Duration requestTimeout, RegistryLogins logins, Console console) {
        this(ssl, connectTimeout, requestTimeout, logins, console, "devcontainer.json");
    }

    /**
     * @param namedIn where the user wrote the references asked for, for the fix in a message: {@code devcontainer.json}
     *     (Features), {@code baseImage} (base images)
     */
    public RegistryClient(SSLContext ssl, Duration connectTimeout, Duration requestTimeout, RegistryLogins logins, Console console,
            String namedIn) {
        this.http = new RegistryHttp(ssl, connectTimeout, requestTimeout, namedIn);
        this.logins = logins;
        this.console = console;
        this.namedIn = namedIn;
    }

    /** The JVM's TLS context (its trust store) and the timeouts above, for the Features devcontainer.json names. */
    public static RegistryClient of(RegistryLogins logins, Console console) {
        return of(logins, console, "devcontainer.json");
    }

    /** The JVM's TLS context (its trust store) and the timeouts above; {@code namedIn} as in the constructor. */
    public static RegistryClient of(RegistryLogins logins, Console console, String namedIn) {
        try {
            return new RegistryClient(SSLContext.getDefault(), CONNECT_TIMEOUT, REQUEST_TIMEOUT, logins, console, namedIn);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }

    /** The login a request to the registry was answered with, if one was sent. */
    public Optional<RegistryCredentials> loginUsed(String registry) {
        return Optional.ofNullable(used.get(registry));
    }

    /**
     * GET a registry resource and return its body.
     *
     * @param registry the registry as named in the reference (which login, which cached header)
     * @param what for messages, e.g. {@code the manifest it/features/hello:1}
     * @param limit the most body bytes accepted
     * @throws RegistryException when it cannot be had: unreachable, refused, unknown (404), or another status
     */
    public byte[] fetch(String registry, URI uri, String accept, String what, long limit) throws RegistryException {
        RegistryHttp.Response response = get(registry, uri, accept, limit);
        int status = response.status();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String reason = "HTTP " + status + errorSummary(response.body());
        if (status == 401 || status == 403) {
            Optional<RegistryCredentials> login = Optional.ofNullable(used.get(registry));
            RegistryCredentials refusedLogin = refused.get(registry);
            if (login.isEmpty() && refusedLogin != null) {
                throw new RegistryException("the registry " + registry + " refused the login " + describe(refusedLogin)
                        + " (its token server said so), and gives " + what + " to nobody anonymously (" + reason + "):"
                        + " check the user name and password there, and that the user may pull it");
            }
            if (login.isEmpty()) {
                throw new RegistryException("the registry " + registry + " asks for a login to give " + what + " (" + reason
                        + "), and none was found: add a <server> with <id>" + registry + "</id> to Maven's settings.xml,"
                        + " or run docker login " + registry);
            }
            throw new RegistryException("the registry " + registry + " refused " + what + " to the login "
                    + describe(login.get()) + " (" + reason + "): check the user name and password there, and that the"
                    + " user may pull it");
        }
        if (status == 404) {
            throw new RegistryException("the registry " + registry + " does not have " + what + " (" + reason + "): check"
                    + " the name and the tag or digest in " + namedIn);
        }
        throw new RegistryException("the registry " + registry + " answered " + reason + " for " + what);
    }

    /** One GET, authenticated as the registry's challenge asks. */
    private RegistryHttp.Response get(String registry, URI uri, String accept, long limit) throws RegistryException {
        RegistryHttp.Response first = http.get(uri, accept, authorization.get(registry), limit);
        if (first.status() != 401 && first.status() != 403) {
            return first;
        }
        List<AuthChallenge> challenges = AuthChallenge.parse(first.header("WWW-Authenticate"));
        Optional<AuthChallenge> bearer = challenges.stream().filter(c -> c.scheme().equals("bearer")).findFirst();
        Optional<AuthChallenge> basic = challenges.stream().filter(c -> c.scheme().equals("basic")).findFirst();
        String header;
        if (bearer.isPresent()) {
            header = "Bearer " + token(registry, uri, bearer.get());
        } else if (basic.isPresent()) {
            RegistryCredentials login = login(registry).orElseThrow(() -> new RegistryException("the registry " + registry
                    + " asks for a login (HTTP " + first.status() + ", Basic), and none was found: add a <server> with <id>"
                    + registry + "</id> to Maven's settings.xml, or run docker login " + registry));
            if (login.username() == null) {
                throw new RegistryException("the registry " + registry + " asks for a user name and password (Basic), and the"
                        + " login from " + login.source() + " is an identity token: give a user name and password there");
            }
            used.put(registry, login);
            header = "Basic " + base64(login.username() + ":" + login.password());
        } else {
            return first; // no challenge to follow: fetch reports the status
        }
        RegistryHttp.Response again = http.get(uri, accept, header, limit);
        if (again.status() != 401) {
            authorization.put(registry, header);
        }
        return again;
    }

    /** A Bearer token for the challenge's realm, service and scope. */
    private String token(String registry, URI uri, AuthChallenge challenge) throws RegistryException {
        String realm = challenge.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryException("the registry " + registry + " asks for a Bearer token without naming its token"
                    + " server (no realm in WWW-Authenticate)");
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("the registry " + registry + " names the token server \"" + realm + "\", which is no URL", e);
        }
        if (!"https".equals(realmUri.getScheme()) && !("http".equals(realmUri.getScheme()) && "http".equals(uri.getScheme()))) {
            throw new RegistryException("the registry " + registry + " sends logins to the token server " + realm
                    + ", which is not HTTPS: refused, a login would travel in clear");
        }
        Optional<RegistryCredentials> login = login(registry);
        RegistryHttp.Response answer = tokenRequest(realmUri, challenge, login.orElse(null));
        if ((answer.status() == 401 || answer.status() == 403) && login.isPresent()) {
            console.warn("The token server " + RegistryHttp.origin(realmUri) + " refused the login " + describe(login.get())
                    + " (HTTP " + answer.status() + "); asking it anonymously, as the devcontainer CLI does");
            refused.put(registry, login.get());
            login = Optional.empty();
            answer = tokenRequest(realmUri, challenge, null);
        }
        if (answer.status() < 200 || answer.status() > 299) {
            throw new RegistryException("the token server " + realm + " of the registry " + registry + " answered HTTP "
                    + answer.status() + errorSummary(answer.body()) + (login.isEmpty() ? " to an anonymous request: the"
                    + " registry may need a login (a <server> with <id>" + registry + "</id> in Maven's settings.xml)" : ""));
        }
        String token;
        try {
            JsonNode json = JSON.readTree(answer.body());
            token = json.path("token").asText(json.path("access_token").asText(""));
        } catch (IOException e) {
            token = "";
        }
        if (token.isEmpty()) {
            throw new RegistryException("the token server " + realm + " of the registry " + registry + " answered without a"
                    + " token (neither \"token\" nor \"access_token\")");
        }
        login.ifPresent(l -> used.put(registry, l));
        return token;
    }

    private RegistryHttp.Response tokenRequest(URI realm, AuthChallenge challenge, RegistryCredentials login)
            throws RegistryException {
        String service = challenge.param("service");
        String scope = challenge.param("scope");
        if (login != null && login.identityToken() != null) {
            StringJoiner form = new StringJoiner("&");
            form.add("client_id=devcontainer-maven-plugin").add("grant_type=refresh_token");
            if (service != null) {
                form.add("service=" + encode(service));
            }
            if (scope != null) {
                form.add("scope=" + encode(scope));
            }
            form.add("refresh_token=" + encode(login.identityToken()));
            return http.postForm(realm, form.toString(), TOKEN_LIMIT);
        }
        StringJoiner query = new StringJoiner("&");
        if (service != null) {
            query.add("service=" + encode(service));
        }
        if (scope != null) {
            query.add("scope=" + encode(scope));
        }
        String base = realm.toString();
        URI uri = query.length() == 0 ? realm : URI.create(base + (base.contains("?") ? "&" : "?") + query);
        String basic = login == null ? null : "Basic " + base64(login.username() + ":" + login.password());
        return http.get(uri, "application/json", basic, TOKEN_LIMIT);
    }

    private Optional<RegistryCredentials> login(String registry) throws RegistryException {
        try {
            return logins.find(registry);
        } catch (RegistryAuthException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }

    private static String describe(RegistryCredentials login) {
        return (login.username() != null ? login.username() : "(identity token)") + " from " + login.source();
    }

    /** {@code : CODE message} from a registry's JSON error body (distribution spec, "Error Codes"); else its start. */
    static String errorSummary(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            if (!error.isMissingNode()) {
                return ": " + error.path("code").asText("") + " " + error.path("message").asText("");
            }
        } catch (IOException e) {
            // not JSON: its start below
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
