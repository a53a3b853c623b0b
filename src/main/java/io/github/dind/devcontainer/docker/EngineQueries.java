package io.github.dind.devcontainer.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The few read-only Engine API calls on the hot paths — connecting ({@code GET /version}), verify's
 * reused verdict and build's up-to-date check ({@code /images/NAME/json}, {@code /info},
 * {@code /networks/NAME}), the leftover sweep's listings ({@code /containers/json}, {@code /volumes})
 * — sent on docker-java's own transport and
 * read as Jackson trees. docker-java's typed models for these answers are large (Info alone has some
 * 80 properties), and their first use — class loading and bean introspection — costs 0.1–0.2 s, more
 * than the calls themselves; a tree costs a few milliseconds.
 */
public final class EngineQueries {
    private static final JsonMapper JSON = new JsonMapper();

    private final DockerHttpClient http;
    private final String prefix;

    /**
     * @param apiVersion the negotiated API version, e.g. {@code 1.41}; null for unversioned paths
     */
    EngineQueries(DockerHttpClient http, String apiVersion) {
        this.http = http;
        this.prefix = apiVersion == null ? "" : "/v" + apiVersion;
    }

    /** A path segment as the Engine API's router takes it: an image reference keeps its / and :. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("%3A", ":").replace("%40", "@");
    }

    /**
     * GETs {@code path} (below the API version) and reads the answer.
     *
     * @return the answer; null on 404 (no such object)
     * @throws EngineApiException on any other status, with the daemon's message
     * @throws UncheckedIOException when the answer cannot be read
     */
    public JsonNode get(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(prefix + path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            if (status == 404) {
                return null;
            }
            JsonNode answer = JSON.readTree(body);
            if (status / 100 != 2) {
                String message = answer == null ? "" : answer.path("message").asText("");
                throw new EngineApiException("GET " + path + " answered " + status + (message.isEmpty() ? "" : ": " + message));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + ": " + e.getMessage(), e);
        }
    }

    /** A status the daemon answered that is neither success nor 404. */
    static final class EngineApiException extends RuntimeException {
        EngineApiException(String message) {
            super(message);
        }
    }
}
