package io.github.dind.devcontainer.secrets;

import io.github.dind.devcontainer.Printable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values that look like credentials, for the build (its build arguments) and for verify (an
 * image's history, environment and labels), and describes each without its value.
 *
 * <p>Two kinds of evidence:
 *
 * <ul>
 *   <li><b>A well-known token format</b>, anywhere in a text ({@link #FORMATS}, each with its source):
 *       GitHub ({@code ghp_ gho_ ghu_ ghs_ ghr_} and {@code github_pat_}), GitLab ({@code glpat-}),
 *       AWS access key ids ({@code AKIA}/{@code ASIA} + 16), Slack ({@code xoxb-} ...), Google API
 *       keys ({@code AIza} + 35), npm ({@code npm_} + 36), PyPI ({@code pypi-}), Docker Hub
 *       ({@code dckr_pat_}), PEM private key blocks, JSON Web Tokens and URLs with a password
 *       ({@code scheme://user:password@host}).
 *   <li><b>A name that means a secret with a literal value</b>: an environment variable, build
 *       argument, label or {@code NAME=value} pair (also {@code "NAME": "value"} and
 *       {@code --name=value}) whose name <em>ends</em> in PASSWORD, PASSWD, PASSPHRASE, SECRET,
 *       TOKEN, API_KEY, APIKEY, ACCESS_KEY, SECRET_KEY, PRIVATE_KEY, CREDENTIAL(S) or AUTH, as whole
 *       words (split at {@code _ - . /}, other punctuation and camelCase): {@code NPM_TOKEN},
 *       {@code DB_PASSWORD}, {@code apiKey}, {@code http.proxyPassword}, but not
 *       {@code TOKENIZER_VERSION}, {@code MAX_TOKENS}, {@code SSH_AUTH_SOCK} or {@code PASSWORD_FILE}
 *       — a name the secret word only starts usually names where the secret is (Docker's official
 *       images read {@code *_PASSWORD_FILE}, a path), not the secret. A value is literal unless it is
 *       empty, starts with {@code $} (a variable, {@code ${localEnv:NAME}}, a command substitution:
 *       the value is not in the text), or is {@code true false yes no on off none null 0 1}.
 * </ul>
 *
 * <p>An allow-list turns findings off: an entry equal to a name (of a variable, argument, label,
 * pair or JSON property; case-sensitive) allows whatever that name holds, and an entry equal to a
 * format's {@link Format#id() id} ({@code jwt}, {@code github-token} ...) allows that format
 * everywhere, also as the whole value of a name that means a secret ({@code SUPABASE_ANON_TOKEN} holding
 * a public JWT).
 *
 * <p>A {@link Finding} says where and which name, never the value: its preview is the value's length,
 * and its first four characters only when it has 16 or more (a token's public prefix, {@code ghp_}).
 */
public final class CredentialDetector {
    /**
     * A well-known credential format.
     *
     * @param id how the allow-list names it
     * @param description what it is, after "holds", e.g. {@code a GitHub token}
     */
    public record Format(String id, String description, Pattern pattern) {
    }

    /**
     * The formats, each from its issuer's description.
     *
     * <ul>
     *   <li>GitHub: prefix and {@code [A-Za-z0-9_]}, "up to 255 characters" (GitHub changelog
     *       2021-03-31, "Authentication token format updates are generally available"; fine-grained
     *       tokens {@code github_pat_}: docs.github.com, "About authentication to GitHub", GitHub's
     *       token formats). 36 characters after the prefix today.
     *   <li>GitLab: personal, project and group access tokens start {@code glpat-}
     *       (docs.gitlab.com, "Personal access token prefix"; gitlab-org/gitlab#342327), 20 or more
     *       characters after it.
     *   <li>AWS: "Access key IDs beginning with AKIA are long-term credentials ... ASIA are temporary
     *       credentials" (AWS STS API reference, GetAccessKeyInfo), 20 characters in all (IAM User
     *       Guide, "IAM identifiers", unique ID prefixes).
     *   <li>Slack: {@code xoxb-} bot, {@code xoxp-} user, {@code xoxa-}, {@code xoxr-} refresh,
     *       {@code xoxs-} (api.slack.com, "Token types").
     *   <li>Google API keys: {@code AIza} and 35 characters (cloud.google.com, "Manage API keys": the
     *       key string; the same pattern GitHub's and GitLab's secret scanners use).
     *   <li>npm: {@code npm_} and 36 alphanumerics (GitHub blog 2021-09-23, "npm's new access token
     *       format"; docs.npmjs.com, "About access tokens").
     *   <li>PyPI: API tokens start {@code pypi-} (pypi.org/help, "How can I use API tokens"), a
     *       base64url macaroon of 80 or more characters.
     *   <li>Docker Hub: personal access tokens start {@code dckr_pat_} (docs.docker.com, "Personal
     *       access tokens").
     *   <li>Private keys: the PEM boundary {@code -----BEGIN ... PRIVATE KEY-----} (RFC 7468:
     *       {@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}; PKCS #1 {@code RSA}, {@code EC},
     *       OpenSSH's {@code OPENSSH}) and OpenPGP's {@code PRIVATE KEY BLOCK} (RFC 4880, 6.2).
     *   <li>JWT: the JWS compact serialization, three base64url parts separated by dots whose header
     *       and payload are JSON objects, so both start {@code eyJ} (RFC 7519, 7.1; RFC 7515, 7.1); the
     *       signature may be empty ({@code alg: none}).
     *   <li>A URL with a password: RFC 3986, 3.2.1 userinfo {@code user:password@} ("Use of the format
     *       user:password in the userinfo field is deprecated"); a password that is a variable
     *       ({@code $TOKEN}) or stars only is not one.
     * </ul>
     */
    public static final List<Format> FORMATS = List.of(
            new Format("github-token", "a GitHub token",
                    Pattern.compile("(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9_]{36,251}|github_pat_[A-Za-z0-9_]{22,244})(?![A-Za-z0-9_])")),
            new Format("gitlab-token", "a GitLab access token",
                    Pattern.compile("(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_.-]{20,}")),
            new Format("aws-access-key-id", "an AWS access key id",
                    Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")),
            new Format("slack-token", "a Slack token",
                    Pattern.compile("(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}")),
            new Format("google-api-key", "a Google API key",
                    Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")),
            new Format("npm-token", "an npm access token",
                    Pattern.compile("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])")),
            new Format("pypi-token", "a PyPI API token",
                    Pattern.compile("(?<![A-Za-z0-9_-])pypi-[A-Za-z0-9_-]{80,}")),
            new Format("docker-token", "a Docker Hub access token",
                    Pattern.compile("(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{20,}")),
            new Format("private-key", "a private key",
                    Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
            new Format("jwt", "a JSON Web Token",
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*")),
            new Format("url-password", "a URL with a password",
                    Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@:'\"]+:([^\\s/?#@'\"]+)@")));

    /** The endings of a name that mean a secret, as upper-case words. */
    private static final List<List<String>> SECRET_ENDINGS = List.of(List.of("PASSWORD"), List.of("PASSWD"),
            List.of("PASSPHRASE"), List.of("SECRET"), List.of("TOKEN"), List.of("APIKEY"), List.of("API", "KEY"),
            List.of("ACCESS", "KEY"), List.of("SECRET", "KEY"), List.of("PRIVATE", "KEY"), List.of("CREDENTIAL"),
            List.of("CREDENTIALS"), List.of("AUTH"));

    /** Values that cannot hold a credential. */
    private static final Set<String> NOT_SECRETS = Set.of("true", "false", "yes", "no", "on", "off", "none", "null", "0",
            "1");

    /**
     * {@code NAME=value}, {@code --name=value}, {@code -Dname=value} (a Java system property): the value
     * quoted or up to a blank or a shell operator.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.$/-])(?:-D|-{0,2})([A-Za-z_][A-Za-z0-9_.-]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s;&|'\"]*)");
    /** {@code "NAME": "value"}, as JSON (a label's value) or YAML-ish text holds it. */
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "\"([A-Za-z_][A-Za-z0-9_.-]*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD_SPLIT = Pattern.compile(
            "[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.:/@-]{1,200}");

    /**
     * What was found, and where, without the value.
     *
     * @param where the place, e.g. {@code history row 3}, {@code the image's environment}
     * @param name the variable, argument, label or key that holds it; null for a token standing in a text
     * @param kind what it looks like: a format's description, or {@link #SECRET_NAME}
     * @param preview the value's length, and its first four characters when it has 16 or more
     * @param formatId the format's id; null for a name that means a secret
     */
    public record Finding(String where, String name, String kind, String preview, String formatId) {
        /**
         * One line: {@code history row 3: GITHUB_TOKEN holds a GitHub token (ghp_…, 40 characters)}, or
         * {@code history row 4 holds a GitHub token (...)} for a token outside any pair.
         */
        public String describe() {
            return where + (name == null ? "" : ": " + shown(name)) + " holds " + kind + " (" + preview + ")";
        }

        /** The place and the name, without what it holds: {@code history row 3 GITHUB_TOKEN}. */
        public String place() {
            return where + (name == null ? "" : " " + shown(name));
        }
    }

    /** The kind of a finding that rests on the name alone. */
    public static final String SECRET_NAME = "a literal value under a name that means a secret";

    private final Set<String> allowed;

    /** @param allowed names and format ids whose findings are allowed (see the class comment) */
    public CredentialDetector(Collection<String> allowed) {
        this.allowed = Set.copyOf(allowed.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** A detector that allows nothing. */
    public static CredentialDetector strict() {
        return new CredentialDetector(List.of());
    }

    /**
     * A named value: an environment variable, a build argument, a label, a JSON property. Its name
     * and its whole value are judged, and the value is read as a text too (a token inside it, a
     * {@code NAME=value} pair inside a command).
     *
     * @return what it holds, most telling first (a format before the name's meaning); empty when
     *     nothing, or when the name is allowed
     */
    public List<Finding> inNamedValue(String where, String name, String value) {
        if (value == null || allowed.contains(name)) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Finding format = firstFormat(where, name, value);
        if (format != null) {
            found.add(format);
        } else if (isSecretName(name) && isLiteral(value) && !isAllowedFormat(value)) {
            found.add(new Finding(where, name, SECRET_NAME, preview(value), null));
        }
        if (format == null) {
            found.addAll(inText(where, value)); // pairs inside it: a command, an option string
        }
        return found;
    }

    /**
     * A free text: a history line, a command, a label value. Each {@code NAME=value} (and
     * {@code "NAME": "value"}) pair is judged as {@link #inNamedValue} judges one; a well-known
     * format outside such a pair is a finding of its own.
     */
    public List<Finding> inText(String where, String text) {
        return scan(where, text, null);
    }

    /**
     * The text with each value {@link #inText} would report replaced by its preview, in brackets:
     * {@code "NPM_TOKEN":"[hidden: npm_…, 40 characters]"}; a URL keeps all but its password. For a
     * log line that may show what an image records (a build step's {@code LABEL} or {@code ENV}).
     */
    public String redact(String text) {
        List<int[]> spans = new ArrayList<>();
        scan("", text, spans);
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] span : spans) {
            if (span[0] < at) {
                continue; // inside one already hidden
            }
            out.append(text, at, span[0]).append("[hidden: ").append(preview(text.substring(span[0], span[1]))).append(']');
            at = span[1];
        }
        return out.append(text.substring(at)).toString();
    }

    /** {@link #inText}, adding the span of each value it reports to {@code spans} when that is not null. */
    private List<Finding> scan(String where, String text, List<int[]> spans) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        boolean[] covered = new boolean[text.length()];
        for (Pattern pairs : List.of(ASSIGNMENT, JSON_MEMBER)) {
            Matcher m = pairs.matcher(text);
            while (m.find()) {
                if (covered[m.start(1)]) {
                    continue;
                }
                String name = m.group(1);
                String value = unquote(m.group(2));
                for (int i = m.start(); i < m.end(); i++) {
                    covered[i] = true;
                }
                if (allowed.contains(name)) {
                    continue;
                }
                int[] span = valueSpan(m, text);
                Finding format = firstFormat(where, name, value);
                if (format != null) {
                    found.add(format);
                    addSpan(spans, span);
                } else if (isSecretName(name) && isLiteral(value) && !isAllowedFormat(value)) {
                    found.add(new Finding(where, name, SECRET_NAME, preview(value), null));
                    addSpan(spans, span);
                } else if (value.indexOf('=') > 0) {
                    // JAVA_TOOL_OPTIONS=-Dhttp.proxyPassword=...
                    List<int[]> inner = spans == null ? null : new ArrayList<>();
                    found.addAll(scan(where, value, inner));
                    if (inner != null) {
                        inner.forEach(i -> spans.add(new int[] {i[0] + span[0], i[1] + span[0]}));
                    }
                }
            }
        }
        for (Format format : FORMATS) {
            if (allowed.contains(format.id())) {
                continue;
            }
            Matcher m = format.pattern().matcher(text);
            while (m.find()) {
                if (!covered[m.start()] && isCredential(format, m)) {
                    found.add(new Finding(where, null, format.description(), preview(m.group()), format.id()));
                    addSpan(spans, m.groupCount() >= 1 && m.group(1) != null ? new int[] {m.start(1), m.end(1)}
                            : new int[] {m.start(), m.end()});
                }
            }
        }
        return found;
    }

    /** The value of a pair, without its quotes. */
    private static int[] valueSpan(Matcher m, String text) {
        int start = m.start(2);
        int end = m.end(2);
        if (end - start >= 2 && (text.charAt(start) == '"' || text.charAt(start) == '\'') && text.charAt(end - 1) == text.charAt(start)) {
            return new int[] {start + 1, end - 1};
        }
        return new int[] {start, end};
    }

    private static void addSpan(List<int[]> spans, int[] span) {
        if (spans != null && span[1] > span[0]) {
            spans.add(span);
        }
    }

    private Finding firstFormat(String where, String name, String value) {
        for (Format format : FORMATS) {
            if (allowed.contains(format.id())) {
                continue;
            }
            Matcher m = format.pattern().matcher(value);
            while (m.find()) {
                if (isCredential(format, m)) {
                    return new Finding(where, name, format.description(), preview(m.group()), format.id());
                }
            }
        }
        return null;
    }

    /** Whether the whole value is of a format the allow-list names: then its name does not make it a secret. */
    private boolean isAllowedFormat(String value) {
        String v = value.strip();
        return FORMATS.stream().anyMatch(f -> allowed.contains(f.id()) && f.pattern().matcher(v).matches());
    }

    /** A URL's password that is a variable or a mask is none. */
    private static boolean isCredential(Format format, Matcher m) {
        if (!format.id().equals("url-password")) {
            return true;
        }
        String password = m.group(1);
        return !password.startsWith("$") && !password.startsWith("%") && !password.chars().allMatch(c -> c == '*');
    }

    /** Whether the name, split into words, ends in one of the words that mean a secret. */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String word : WORD_SPLIT.split(name)) {
            if (!word.isEmpty()) {
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        for (List<String> ending : SECRET_ENDINGS) {
            if (words.size() >= ending.size() && words.subList(words.size() - ending.size(), words.size()).equals(ending)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value is written out, rather than empty, a reference to one kept elsewhere, or a flag. */
    public static boolean isLiteral(String value) {
        String v = value == null ? "" : value.strip();
        return !v.isEmpty() && !v.startsWith("$") && !NOT_SECRETS.contains(v.toLowerCase(Locale.ROOT));
    }

    /** The value's length, and its first four characters when it has 16 or more: never the value. */
    public static String preview(String value) {
        int length = value.codePointCount(0, value.length());
        String characters = length + (length == 1 ? " character" : " characters");
        if (length < 16) {
            return characters;
        }
        StringBuilder start = new StringBuilder();
        value.codePoints().limit(4).forEach(cp -> start.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return start + "…, " + characters;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** A name from an image or a file as it can stand in a message line. */
    static String shown(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : Printable.quote(name);
    }
}
