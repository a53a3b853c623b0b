package io.github.dind.devcontainer.verify.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a TCP listener, from inside the devcontainer, for the Docker API the way anyone on its
 * network could: {@code GET /_ping} over plain HTTP, and over TLS without a client certificate (and
 * without checking the server's). The Docker API answers {@code /_ping} with an {@code Api-Version}
 * header (Docker Engine API reference, "Ping"; moby api/server/middleware/version.go sets it on every
 * response). A daemon that requires client certificates ({@code --tlsverify}) answers the plain
 * request with {@code 400 Client sent an HTTP request to an HTTPS server.} (Go's net/http) and ends
 * the TLS one with an alert ({@code certificate required}, curl exit 56; {@code bad certificate},
 * exit 35, under TLS 1.2). curl is in every image the plugin generates (the Dockerfile fails the
 * build without it).
 */
final class ApiProbe {
    /** Each attempt's bound, connect and answer together (curl {@code -m}). */
    static final Duration ATTEMPT = Duration.ofSeconds(2);
    /** For each target (positional parameters), both attempts, each headed {@code == SCHEME TARGET EXIT}. */
    static final String SCRIPT = String.join("\n",
            "for target; do",
            "  for scheme in http https; do",
            "    out=$(curl -gksS -m " + ATTEMPT.toSeconds() + " -i \"$scheme://$target/_ping\" 2>&1)",
            "    code=$?",
            "    echo \"== $scheme $target $code\"",
            "    printf '%s\\n' \"$out\" | head -n 20",
            "  done",
            "done");

    /** curl exit codes that mean it connected and the other end ended the exchange: TLS handshake failed, receive failed, empty reply. */
    private static final Set<Integer> REFUSED_AFTER_CONNECTING = Set.of(35, 52, 56);
    private static final Pattern HEAD = Pattern.compile("== (https?) (\\S+) (\\d+)");
    private static final Pattern API_VERSION = Pattern.compile("(?im)^api-version:\\s*(\\S+)");

    private ApiProbe() {
    }

    /** What one attempt saw: curl's exit code and the start of what it printed (headers, or its error). */
    record Attempt(String scheme, int exitCode, String output) {
        /** The Docker API answered: its version ({@code 1.45}), else empty. */
        String apiVersion() {
            if (exitCode != 0) {
                return "";
            }
            Matcher version = API_VERSION.matcher(output);
            return version.find() ? version.group(1) : "";
        }

        boolean answeredApi() {
            return !apiVersion().isEmpty();
        }

        /** It connected and was turned away: an HTTP answer that is not the API, or a TLS failure. */
        boolean refusedAfterConnecting() {
            return exitCode == 0 ? !answeredApi() : REFUSED_AFTER_CONNECTING.contains(exitCode);
        }

        /** One line for a message: the status line or curl's error, shortened. */
        String summary() {
            String first = output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("no output");
            String what = exitCode == 0 ? first : "curl exit " + exitCode + ": " + first.replaceFirst("^curl: \\(\\d+\\) ", "");
            return scheme + " " + (what.length() > 160 ? what.substring(0, 157) + "..." : what);
        }
    }

    /** The outcome for one listener: its plain and its TLS attempt. */
    record Outcome(Attempt plain, Attempt tls) {
        /** The attempt that reached the API without a client certificate, if any. */
        Optional<Attempt> exposedBy() {
            return plain.answeredApi() ? Optional.of(plain)
                    : tls.answeredApi() ? Optional.of(tls) : Optional.empty();
        }

        /** Seen to turn away a client without a certificate: neither attempt reached the API, and one was refused after connecting. */
        boolean refused() {
            return exposedBy().isEmpty() && (plain.refusedAfterConnecting() || tls.refusedAfterConnecting());
        }

        String summary() {
            return plain.summary() + "; " + tls.summary();
        }
    }

    /**
     * The outcomes by target, in the script's order; a target whose attempts are missing (the exec
     * was cut short) has none.
     */
    static Map<String, Outcome> parse(String output) {
        Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
        Matcher head = null;
        StringBuilder text = new StringBuilder();
        for (String line : output.lines().toList()) {
            Matcher next = HEAD.matcher(line);
            if (next.matches()) {
                add(attempts, head, text);
                head = next;
                text.setLength(0);
            } else {
                text.append(line.replace("\r", "")).append('\n');
            }
        }
        add(attempts, head, text);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        attempts.forEach((t, list) -> {
            Attempt plain = list.stream().filter(a -> a.scheme().equals("http")).findFirst().orElse(null);
            Attempt tls = list.stream().filter(a -> a.scheme().equals("https")).findFirst().orElse(null);
            if (plain != null && tls != null) {
                outcomes.put(t, new Outcome(plain, tls));
            }
        });
        return outcomes;
    }

    private static void add(Map<String, List<Attempt>> attempts, Matcher head, StringBuilder text) {
        if (head != null) {
            attempts.computeIfAbsent(head.group(2), t -> new ArrayList<>())
                    .add(new Attempt(head.group(1), Integer.parseInt(head.group(3)), text.toString()));
        }
    }
}
