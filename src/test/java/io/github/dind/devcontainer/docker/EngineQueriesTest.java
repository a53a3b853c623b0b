package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineQueriesTest {
    /** Answers every request with one status and body, and records the paths asked for. */
    private static final class Canned implements DockerHttpClient {
        final List<String> paths = new ArrayList<>();
        final int status;
        final String body;

        Canned(int status, String body) {
            this.status = status;
            this.body = body;
        }

        @Override
        public Response execute(Request request) {
            paths.add(request.method() + " " + request.path());
            return new Response() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> getHeaders() {
                    return Map.of();
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void getsBelowTheApiVersionAndReadsTheAnswer() {
        Canned http = new Canned(200, "{\"Id\": \"sha256:ab\", \"Config\": {\"User\": \"dev\"}}");

        var answer = new EngineQueries(http, "1.41").get("/images/" + EngineQueries.segment("registry:5000/team/img:1") + "/json");

        assertThat(answer.path("Config").path("User").asText()).isEqualTo("dev");
        assertThat(http.paths).containsExactly("GET /v1.41/images/registry:5000/team/img:1/json");
    }

    @Test
    void aMissingObjectIsNullAndAnyOtherFailureSaysTheDaemonsMessage() {
        assertThat(new EngineQueries(new Canned(404, "{\"message\": \"No such image\"}"), null).get("/images/x/json")).isNull();
        assertThatThrownBy(() -> new EngineQueries(new Canned(500, "{\"message\": \"disk full\"}"), null).get("/info"))
                .hasMessage("GET /info answered 500: disk full");
    }

    @Test
    void segmentsEscapeWhatWouldChangeThePath() {
        assertThat(EngineQueries.segment("img@sha256:0a")).isEqualTo("img@sha256:0a");
        assertThat(EngineQueries.segment("my net?x=1#y z")).isEqualTo("my%20net%3Fx%3D1%23y%20z");
    }
}
