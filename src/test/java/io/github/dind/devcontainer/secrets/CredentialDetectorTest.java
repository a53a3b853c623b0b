package io.github.dind.devcontainer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector's formats and names. Every token here is made up and assembled at run time (a prefix
 * and a filler), so no scanner mistakes this file for a leak.
 */
class CredentialDetectorTest {
    static final String GITHUB = "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6";
    static final String NPM = "npm_" + "ITfakeITfakeITfakeITfakeITfake123456";
    static final String AWS = "AKIA" + "IOSFODNN7EXAMPL3";

    private final CredentialDetector strict = CredentialDetector.strict();

    private static String describe(List<CredentialDetector.Finding> findings) {
        return String.join("\n", findings.stream().map(CredentialDetector.Finding::describe).toList());
    }

    @Test
    void eachWellKnownFormatIsFoundInAText() {
        String filler = "Ab1".repeat(30);
        List<String> tokens = List.of(GITHUB, "gho_" + filler.substring(0, 36), "ghs_" + filler.substring(0, 36),
                "github_pat_" + filler.substring(0, 22) + "_" + filler.substring(0, 59), "glpat-" + filler.substring(0, 20),
                AWS, "ASIA" + "ABCDEFGHIJKLMNOP", "xoxb-" + "1234567890-abcdefghij", "AIza" + filler.substring(0, 35),
                NPM, "pypi-" + "AgEIcHlwaS5vcmc" + filler.substring(0, 70), "dckr_pat_" + filler.substring(0, 27),
                "-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", "-----BEGIN PGP PRIVATE KEY BLOCK-----",
                "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "https://deploy:s3cr3t-" + "value@git.example.com/team/app.git");
        for (String token : tokens) {
            assertThat(strict.inText("history row 1", "/bin/sh -c echo " + token + " > /tmp/x"))
                    .as(token.substring(0, 8)).hasSize(1)
                    .allSatisfy(f -> assertThat(f.formatId()).isNotNull());
        }
        assertThat(CredentialDetector.FORMATS).extracting(CredentialDetector.Format::id).doesNotHaveDuplicates()
                .contains("github-token", "gitlab-token", "aws-access-key-id", "slack-token", "google-api-key",
                        "npm-token", "pypi-token", "docker-token", "private-key", "jwt", "url-password");
    }

    @Test
    void aFindingSaysWhereAndWhatButNeverTheValue() {
        List<CredentialDetector.Finding> found = strict.inText("history row 3",
                "|1 GITHUB_TOKEN=" + GITHUB + " /bin/sh -c test -n \"$GITHUB_TOKEN\"");

        assertThat(describe(found)).isEqualTo("history row 3: GITHUB_TOKEN holds a GitHub token (ghp_…, 40 characters)")
                .doesNotContain(GITHUB.substring(4));
        assertThat(found.get(0).place()).isEqualTo("history row 3 GITHUB_TOKEN");
    }

    @Test
    void aShortValueShowsOnlyItsLength() {
        assertThat(describe(strict.inNamedValue("the image's environment", "DB_PASSWORD", "hunter2-literal")))
                .isEqualTo("the image's environment: DB_PASSWORD holds " + CredentialDetector.SECRET_NAME
                        + " (15 characters)");
        assertThat(CredentialDetector.preview("x")).isEqualTo("1 character");
        assertThat(CredentialDetector.preview("abc\u0007defghijklmnopq")).isEqualTo("abc?…, 18 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NPM_TOKEN", "DB_PASSWORD", "PASSWD", "GPG_PASSPHRASE", "CLIENT_SECRET", "API_KEY",
            "OPENAI_APIKEY", "AWS_SECRET_ACCESS_KEY", "DJANGO_SECRET_KEY", "SIGNING_PRIVATE_KEY", "GOOGLE_CREDENTIALS",
            "REGISTRY_CREDENTIAL", "BASIC_AUTH", "apiKey", "npmAuthToken", "_authToken", "http.proxyPassword",
            "APIKey", "db-password", "secret"})
    void namesThatEndInASecretWordMeanASecret(String name) {
        assertThat(CredentialDetector.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKENIZER_VERSION", "MAX_TOKENS", "SSH_AUTH_SOCK", "PASSWORD_FILE", "MYSQL_PASSWORD_FILE",
            "TOKEN_URL", "GPG_KEY", "AUTHOR", "OAUTH_URL", "AWS_ACCESS_KEY_ID", "PWD", "JAVA_HOME", "KEYSTORE", "PATH",
            "SECRETS_DIR", "AUTHENTICATION_METHOD"})
    void otherNamesDoNot(String name) {
        assertThat(CredentialDetector.isSecretName(name)).isFalse();
    }

    @Test
    void aReferenceFlagOrEmptyValueIsNoSecretInItself() {
        for (String value : List.of("", "  ", "${localEnv:NPM_TOKEN}", "$NPM_TOKEN", "${NPM_TOKEN:-}", "$(cat /run/secrets/npm)",
                "true", "FALSE", "0", "none")) {
            assertThat(strict.inNamedValue("containerEnv", "NPM_TOKEN", value)).as(value).isEmpty();
        }
        assertThat(strict.inText("history row 2", "/bin/sh -c npm config set _authToken=\"$NPM_TOKEN\" && echo TOKEN=")).isEmpty();
        assertThat(strict.inText("cmd", "git clone https://x-access-token:${GITHUB_TOKEN}@github.com/o/r "
                + "https://u:****@h/ https://u:%s@h/")).isEmpty();
    }

    @Test
    void pairsAreReadInShellJavaOptionsJsonAndCommandLineForms() {
        String history = "/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2-literal JAVA_TOOL_OPTIONS=-Dhttp.proxyPassword=pr0xy"
                + " && tool --api-key=abcdef123 --name=value && echo 'A_SECRET=\"quoted value\"'";

        assertThat(strict.inText("history row 1", history)).extracting(CredentialDetector.Finding::name)
                .containsExactly("DB_PASSWORD", "http.proxyPassword", "api-key", "A_SECRET");
        assertThat(strict.inText("label x", "[{\"containerEnv\":{\"NPM_TOKEN\":\"" + NPM + "\",\"DB_PASSWORD\":\"x\",\"HOME\":\"/root\"}}]"))
                .extracting(CredentialDetector.Finding::describe).containsExactly(
                        "label x: NPM_TOKEN holds an npm access token (npm_…, 40 characters)",
                        "label x: DB_PASSWORD holds " + CredentialDetector.SECRET_NAME + " (1 character)");
    }

    @Test
    void aTokenIsFoundOncePerPlaceInsideAPairOrAlone() {
        assertThat(strict.inText("history row 1", "RUN curl -H 'Authorization: token " + GITHUB + "' https://api && X=" + AWS))
                .extracting(CredentialDetector.Finding::describe).containsExactly(
                        "history row 1: X holds an AWS access key id (AKIA…, 20 characters)",
                        "history row 1 holds a GitHub token (ghp_…, 40 characters)");
        assertThat(strict.inNamedValue("labels", "org.example.note", "see " + GITHUB)).extracting(
                CredentialDetector.Finding::describe).containsExactly(
                        "labels: org.example.note holds a GitHub token (ghp_…, 40 characters)");
    }

    @Test
    void theAllowListTakesNamesAndFormatIds() {
        CredentialDetector allowing = new CredentialDetector(List.of("NPM_TOKEN", " jwt ", ""));
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.sig";

        assertThat(allowing.inNamedValue("env", "NPM_TOKEN", NPM)).isEmpty();
        assertThat(allowing.inText("row", "NPM_TOKEN=" + NPM + " SUPABASE_ANON=" + jwt)).isEmpty();
        assertThat(allowing.inText("row", "OTHER=" + NPM)).extracting(CredentialDetector.Finding::name).containsExactly("OTHER");
        assertThat(allowing.inNamedValue("env", "npm_token", "literal")).hasSize(1); // names are case-sensitive
        assertThat(allowing.inNamedValue("env", "ANON_TOKEN", jwt)).isEmpty(); // the format allowed: its name does not count
        assertThat(allowing.inNamedValue("env", "ANON_TOKEN", jwt + "x y")).hasSize(1);
        assertThat(strict.inText("row", "SUPABASE_ANON=" + jwt)).hasSize(1);
    }

    @Test
    void namesFromAnImageThatCouldBreakALineAreQuoted() {
        assertThat(describe(strict.inNamedValue("labels", "bad\nname_TOKEN", "literal-value")))
                .isEqualTo("labels: \"bad\\nname_TOKEN\" holds " + CredentialDetector.SECRET_NAME + " (13 characters)");
    }

    @Test
    void anOrdinaryImageHoldsNothing() {
        List<String> history = List.of(
                "/bin/sh -c #(nop)  CMD [\"bash\"]",
                "/bin/sh -c #(nop) ADD file:1a2b3c in / ",
                "|2 JAVA_VERSION=21 DEBIAN_FRONTEND=noninteractive /bin/sh -c apt-get update && apt-get install -y"
                        + " openjdk-21-jdk-headless && \"$JAVA_HOME/bin/keytool\" -list -cacerts -storepass changeit",
                "/bin/sh -c #(nop)  ENV JAVA_HOME=/usr/lib/jvm/java-21-openjdk PATH=/usr/lib/jvm/java-21-openjdk/bin:/usr/bin",
                "/bin/sh -c #(nop)  ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D",
                "/bin/sh -c echo 'root ALL=(root) NOPASSWD: /usr/local/bin/startup.sh \"\"' > /etc/sudoers.d/x",
                "/bin/sh -c #(nop)  LABEL devcontainer.metadata=[{\"id\":\"./dind\",\"privileged\":true,"
                        + "\"mounts\":[{\"source\":\"dind-var-lib-docker-${devcontainerId}\",\"target\":\"/var/lib/docker\","
                        + "\"type\":\"volume\"}],\"onCreateCommand\":\"/usr/local/bin/startup.sh\"}]"
                        + " io.github.dind.devcontainer.fingerprint=sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978");
        for (String row : history) {
            assertThat(strict.inText("history", row)).as(row).isEmpty();
        }
        assertThat(strict.inNamedValue("env", "SSH_AUTH_SOCK", "/tmp/ssh-agent.sock")).isEmpty();
        assertThat(strict.inNamedValue("env", "MYSQL_PASSWORD_FILE", "/run/secrets/db")).isEmpty();
    }

    @Test
    void redactingHidesEachReportedValueAndKeepsTheRest() {
        String step = "Step 5/9 : LABEL devcontainer.metadata=[{\"containerEnv\":{\"NPM_TOKEN\":\"" + NPM
                + "\",\"SAFE_TOKEN\":\"${localEnv:SAFE_TOKEN}\"},\"overrideCommand\":false}]";

        assertThat(strict.redact(step)).isEqualTo("Step 5/9 : LABEL devcontainer.metadata=[{\"containerEnv\":{\"NPM_TOKEN\":"
                + "\"[hidden: npm_…, 40 characters]\",\"SAFE_TOKEN\":\"${localEnv:SAFE_TOKEN}\"},\"overrideCommand\":false}]");
        assertThat(strict.redact("Step 3/5 : ENV DB_PASSWORD=\"hunter2 literal\" JAVA_TOOL_OPTIONS=-Xmx1g -Dhttp.proxyPassword=pr0xy"))
                .isEqualTo("Step 3/5 : ENV DB_PASSWORD=\"[hidden: 15 characters]\" JAVA_TOOL_OPTIONS=-Xmx1g"
                        + " -Dhttp.proxyPassword=[hidden: 5 characters]");
        assertThat(strict.redact("JAVA_TOOL_OPTIONS=\"-Dhttp.proxyPassword=pr0xy -Da=b\" RUN git clone https://ci:"
                + "s3cr3t" + "@git.example.com/x " + GITHUB)).isEqualTo("JAVA_TOOL_OPTIONS=\"-Dhttp.proxyPassword=[hidden:"
                + " 5 characters] -Da=b\" RUN git clone https://ci:[hidden: 6 characters]@git.example.com/x [hidden: ghp_…,"
                + " 40 characters]");
        assertThat(strict.redact("Step 2/4 : ARG NPM_TOKEN")).isEqualTo("Step 2/4 : ARG NPM_TOKEN");
    }
}
